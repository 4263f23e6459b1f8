/** Closed value lists of the volunteer module, shared by tables, schemas and the web (pure data). */
export const volunteerStatuses = ['pending', 'approved', 'rejected', 'suspended'] as const;
export const volunteerOrigins = ['resident', 'party_member', 'partner_unit', 'staff'] as const;
export const volunteerSkills = [
  'first_aid', 'medical', 'counseling', 'teaching', 'legal', 'it', 'driving', 'photography',
  'performance', 'translation', 'repair', 'cooking', 'sign_language', 'elderly_care', 'childcare',
] as const;
export const availabilitySlots = ['weekday_morning', 'weekday_afternoon', 'weekday_evening', 'weekend_morning', 'weekend_afternoon', 'weekend_evening'] as const;
export const activityCategories = ['care', 'elderly', 'children', 'environment', 'waste_sorting', 'safety', 'traffic', 'culture', 'civility', 'health', 'other'] as const;
export const themeColors = ['red', 'orange', 'yellow', 'green', 'cyan', 'blue', 'purple'] as const;
export const careKinds = ['daily_care', 'emotional_support', 'health_care'] as const;
export const teamOwnerKinds = ['community', 'partner_unit', 'party_org'] as const;
export const activityStatuses = ['draft', 'published', 'cancelled'] as const;
export const signupStatuses = ['signed_up', 'waitlisted', 'cancelled'] as const;
export const hoursStatuses = ['none', 'recorded', 'confirmed'] as const;
export const attendanceMethods = ['qr', 'code', 'organizer'] as const;
export const reviewActions = ['approve', 'reject', 'suspend', 'reinstate'] as const;

/**
 * The volunteer's life as data: from → action → to. The service checks it, the admin page draws
 * its buttons from it, docs/volunteers.md shows it.
 */
export const reviewTransitions: ReadonlyArray<readonly [(typeof volunteerStatuses)[number], (typeof reviewActions)[number], (typeof volunteerStatuses)[number]]> = [
  ['pending', 'approve', 'approved'],
  ['pending', 'reject', 'rejected'],
  ['approved', 'suspend', 'suspended'],
  ['suspended', 'reinstate', 'approved'],
];
