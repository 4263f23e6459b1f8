/** Every shape of places and people, for src/contracts (server and web share them). */
export * from './grids.schemas';
export * from './residents.schemas';
export * from './places.checks';
export * from './visits.schemas';
export * from './resident-accounts.schemas';
