/** The center's API shapes, in one namespace for the contracts (`import { center } from 'contracts'`). */
export * from './common.schemas';
export * from './venues.schemas';
export * from './courses.schemas';
export * from './events.schemas';
export * from './canteen.schemas';
export * from './reports.schemas';
export { bookingTransitions } from './venues.rules';
