// The case process for its callers: the client, its errors, requests and content.
export * from './aanvraag';
export * from './client';
export * from './fouten';
export * from './herstel';
export * from './inhoud';
export * from './overdracht';
export * from './velden';
