/** Every request and response shape of care (re-exported to src/contracts as `care`). */
export * from './care-files.schemas';
export * from './assistance.schemas';
export * from './care-services.schemas';
export * from './consolations.schemas';
export * from './wishes.schemas';
/** The vocabulary and the application state machine, for the web's buttons and step bar. */
export * as model from './care.model';
