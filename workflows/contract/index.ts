// The case workflow's public contract: imported by the workflow and by its callers (the
// process client, API, tests), so both sides share one definition of every message.
export * from './opdrachten';
export * from './redenen';
export * from './status';
export * from './waarden';
