import type { ModulePolicy, RoleKey } from '../../platform/auth/roles';

/**
 * The neighborhood center. Community staff, the secretary and social workers run it; street staff
 * read its figures; residents browse, book, enroll, sign up, order meals and answer surveys from
 * the resident app; partner units' contacts book rooms.
 */
const browse = ['venue.read', 'course.read', 'event.read', 'canteen.read'] as const;
const figures = ['booking.read', 'enrollment.read', 'event_signup.read', 'meal_order.read', 'meal_subsidy.read', 'center_satisfaction.read', 'center_stats.read'] as const;
const run = [
  ...browse,
  ...figures,
  'venue.manage',
  'booking.create',
  'booking.approve',
  'course.manage',
  'enrollment.create',
  'course_attendance.record',
  'event.manage',
  'event_signup.create',
  'event.check_in',
  'canteen.manage',
  'meal_order.create',
  'meal_order.serve',
] as const;

const operators: readonly RoleKey[] = ['community_secretary', 'community_staff', 'social_worker'];

export const centerPolicy: ModulePolicy = {
  module: 'center',
  permissions: [...run, 'center_satisfaction.respond'],
  grants: {
    ...Object.fromEntries(operators.map((r) => [r, run])),
    street_staff: [...browse, ...figures],
    care_officer: [...browse],
    grid_worker: [...browse],
    volunteer: [...browse],
    party_member: [...browse],
    partner_contact: [...browse, 'booking.create'],
    resident: [...browse, 'booking.create', 'enrollment.create', 'event_signup.create', 'meal_order.create', 'center_satisfaction.respond'],
  },
};

/** Staff who act for the center (bookings without approval, counter orders, any resident). */
export const operatorPermission = 'venue.manage';
