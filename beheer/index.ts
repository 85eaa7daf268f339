// Setting kring up without SQL: regions, the coordinator pool, accounts with their persons.
export * from './accounts';
export * from './coordinatoren';
export * from './fouten';
export * from './regios';
