/**
 * The neighborhood center (邻里中心): function rooms and their bookings, courses (老年大学,
 * 四点半学校) with enrollment, waitlist and attendance, events by 多彩党建 theme with signup and
 * check-in, the canteen (幸福大食堂) with menus, meal orders and subsidies, and the satisfaction
 * survey after events and courses. Every row carries community_id (the tenant key).
 *
 * Invariants held by the database itself: no two active bookings of one venue overlap (exclusion
 * constraint, migration center_constraints), one active enrollment / signup per person, at most one
 * subsidized meal per person and sitting, fees and prices never negative.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from '../../platform/db/columns';
import { center, orgNode } from '../../platform/db/tables/org';
import { resident } from '../places/places.tables';
import { meals, themes } from './center.constants';

export { themes, type Theme } from './center.constants';

/** 功能室: a room of a center that can be booked. Opening hours are local times of the community. */
export const venue = pgTable(
  'venue',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    centerId: uuid('center_id').notNull().references(() => center.id),
    name: text('name').notNull(),
    /** What the room is for ("党员教育、红色观影"). */
    purpose: text('purpose'),
    areaM2: integer('area_m2'),
    capacity: integer('capacity').notNull(),
    equipment: text('equipment').array().notNull().default(sql`'{}'::text[]`),
    /** "HH:MM" local time. */
    opensAt: text('opens_at').notNull().default('08:00'),
    closesAt: text('closes_at').notNull().default('20:00'),
    /** ISO weekdays (1 = Monday … 7 = Sunday) the room is open. */
    openWeekdays: integer('open_weekdays').array().notNull().default(sql`'{1,2,3,4,5,6,7}'::integer[]`),
    theme: text('theme', { enum: themes }),
    /** Who besides staff may book: 'partner', 'resident'. */
    bookableBy: text('bookable_by').array().notNull().default(sql`'{}'::text[]`),
    /** Bookings by partners and residents wait for staff approval (staff bookings never do). */
    approvalRequired: boolean('approval_required').notNull().default(true),
    status: text('status', { enum: ['active', 'closed'] }).notNull().default('active'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('venue_name_key').on(t.communityId, t.centerId, t.name),
    index('venue_center_idx').on(t.centerId, t.name),
    check('venue_capacity_positive', sql`${t.capacity} > 0`),
    check('venue_hours_order', sql`${t.opensAt} < ${t.closesAt}`),
  ],
);

/** 预约: a time slot of a venue. Pending and confirmed bookings hold their slot exclusively. */
export const venueBooking = pgTable(
  'venue_booking',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    venueId: uuid('venue_id').notNull().references(() => venue.id),
    /** Occurrences of one weekly recurring booking share a series id. */
    seriesId: uuid('series_id'),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    purpose: text('purpose').notNull(),
    attendees: integer('attendees'),
    bookerKind: text('booker_kind', { enum: ['staff', 'partner', 'resident', 'course', 'event'] }).notNull(),
    bookedBy: uuid('booked_by'),
    partnerUnitId: uuid('partner_unit_id'),
    residentId: uuid('resident_id'),
    status: text('status', { enum: ['pending', 'confirmed', 'rejected', 'cancelled'] }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: tstz('decided_at'),
    decisionNote: text('decision_note'),
    cancelledAt: tstz('cancelled_at'),
    cancelReason: text('cancel_reason'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('venue_booking_venue_idx').on(t.venueId, t.startsAt),
    index('venue_booking_community_idx').on(t.communityId, t.startsAt),
    index('venue_booking_booker_idx').on(t.bookedBy, t.startsAt),
    index('venue_booking_series_idx').on(t.seriesId),
    check('venue_booking_time_order', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** 课程: a term of a senior-college class or a 4:30-school class. */
export const course = pgTable(
  'course',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    centerId: uuid('center_id').notNull().references(() => center.id),
    venueId: uuid('venue_id').references(() => venue.id),
    kind: text('kind', { enum: ['senior_college', 'after_school'] }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    teacherName: text('teacher_name'),
    /** "2026秋季" */
    term: text('term').notNull(),
    theme: text('theme', { enum: themes }),
    capacity: integer('capacity').notNull(),
    feeFen: integer('fee_fen').notNull().default(0),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    /** Enrollment needs any one of these resident tags (empty: none needed). */
    requiredTags: text('required_tags').array().notNull().default(sql`'{}'::text[]`),
    enrollmentOpensAt: tstz('enrollment_opens_at').notNull(),
    enrollmentClosesAt: tstz('enrollment_closes_at'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    weekdays: integer('weekdays').array().notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    status: text('status', { enum: ['active', 'cancelled'] }).notNull().default('active'),
    /** Arrival counter: bumped under the course row lock, it orders enrollments and the waitlist. */
    enrollmentSeq: integer('enrollment_seq').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('course_center_idx').on(t.centerId, t.startsOn),
    index('course_community_idx').on(t.communityId, t.startsOn),
    check('course_capacity_positive', sql`${t.capacity} > 0`),
    check('course_fee_not_negative', sql`${t.feeFen} >= 0`),
    check('course_age_range', sql`${t.minAge} IS NULL OR ${t.maxAge} IS NULL OR ${t.minAge} <= ${t.maxAge}`),
    check('course_dates_order', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const courseSession = pgTable(
  'course_session',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    courseId: uuid('course_id').notNull().references(() => course.id),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    /** The venue booking holding the room for this session. */
    bookingId: uuid('booking_id').references(() => venueBooking.id),
    status: text('status', { enum: ['scheduled', 'cancelled'] }).notNull().default('scheduled'),
    createdAt: createdAt(),
  },
  (t) => [index('course_session_course_idx').on(t.courseId, t.startsAt), check('course_session_time_order', sql`${t.endsAt} > ${t.startsAt}`)],
);

/** 报名 / 候补: `seq` is the arrival order; the waitlist is promoted by it. */
export const courseEnrollment = pgTable(
  'course_enrollment',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    courseId: uuid('course_id').notNull().references(() => course.id),
    residentId: uuid('resident_id').notNull().references(() => resident.id),
    enrolledBy: uuid('enrolled_by'),
    channel: text('channel', { enum: ['app', 'counter'] }).notNull(),
    status: text('status', { enum: ['enrolled', 'waitlisted', 'cancelled'] }).notNull(),
    seq: integer('seq').notNull(),
    promotedAt: tstz('promoted_at'),
    cancelledAt: tstz('cancelled_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('course_enrollment_one_active').on(t.courseId, t.residentId).where(sql`${t.status} IN ('enrolled', 'waitlisted')`),
    uniqueIndex('course_enrollment_seq_key').on(t.courseId, t.seq),
    index('course_enrollment_status_idx').on(t.courseId, t.status, t.seq),
    index('course_enrollment_resident_idx').on(t.residentId),
  ],
);

/** Per-session attendance; for the 4:30 school also who picked the child up, and when. */
export const courseAttendance = pgTable(
  'course_attendance',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    courseId: uuid('course_id').notNull().references(() => course.id),
    sessionId: uuid('session_id').notNull().references(() => courseSession.id),
    residentId: uuid('resident_id').notNull().references(() => resident.id),
    status: text('status', { enum: ['present', 'absent', 'leave'] }).notNull(),
    pickedUpBy: text('picked_up_by'),
    pickedUpAt: tstz('picked_up_at'),
    recordedBy: uuid('recorded_by'),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('course_attendance_key').on(t.sessionId, t.residentId), index('course_attendance_resident_idx').on(t.residentId)],
);

/** 活动: one-off, or one occurrence of a weekly series; each belongs to a theme (service line). */
export const event = pgTable(
  'event',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    centerId: uuid('center_id').notNull().references(() => center.id),
    venueId: uuid('venue_id').references(() => venue.id),
    bookingId: uuid('booking_id').references(() => venueBooking.id),
    seriesId: uuid('series_id'),
    title: text('title').notNull(),
    description: text('description'),
    theme: text('theme', { enum: themes }).notNull(),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    location: text('location'),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    /** Null: no signup limit. */
    capacity: integer('capacity'),
    photoIds: uuid('photo_ids').array().notNull().default(sql`'{}'::uuid[]`),
    status: text('status', { enum: ['published', 'cancelled'] }).notNull().default('published'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('event_center_idx').on(t.centerId, t.startsAt),
    index('event_community_idx').on(t.communityId, t.startsAt),
    index('event_series_idx').on(t.seriesId),
    check('event_time_order', sql`${t.endsAt} > ${t.startsAt}`),
    check('event_capacity_positive', sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
  ],
);

export const eventSignup = pgTable(
  'event_signup',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    eventId: uuid('event_id').notNull().references(() => event.id),
    residentId: uuid('resident_id').notNull().references(() => resident.id),
    signedUpBy: uuid('signed_up_by'),
    channel: text('channel', { enum: ['app', 'counter', 'walk_in'] }).notNull(),
    status: text('status', { enum: ['signed_up', 'cancelled'] }).notNull().default('signed_up'),
    checkedInAt: tstz('checked_in_at'),
    checkedInBy: uuid('checked_in_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('event_signup_one_active').on(t.eventId, t.residentId).where(sql`${t.status} = 'signed_up'`),
    index('event_signup_event_idx').on(t.eventId, t.createdAt),
    index('event_signup_resident_idx').on(t.residentId),
  ],
);

/** 幸福大食堂. Orders for a day close at `orderCutoff` (local time) that day. */
export const canteen = pgTable(
  'canteen',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    centerId: uuid('center_id').notNull().references(() => center.id),
    name: text('name').notNull(),
    seatsPerSitting: integer('seats_per_sitting').notNull(),
    orderCutoff: text('order_cutoff').notNull().default('09:30'),
    theme: text('theme', { enum: themes }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('canteen_name_key').on(t.communityId, t.name), check('canteen_seats_positive', sql`${t.seatsPerSitting} > 0`)],
);

/** The daily menu of one sitting (a meal of a day): dishes, price, seats, order cut-off. */
export const canteenMenu = pgTable(
  'canteen_menu',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    canteenId: uuid('canteen_id').notNull().references(() => canteen.id),
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    meal: text('meal', { enum: meals }).notNull(),
    dishes: text('dishes').array().notNull().default(sql`'{}'::text[]`),
    priceFen: integer('price_fen').notNull(),
    seats: integer('seats').notNull(),
    orderCutoffAt: tstz('order_cutoff_at').notNull(),
    status: text('status', { enum: ['open', 'cancelled'] }).notNull().default('open'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('canteen_menu_sitting_key').on(t.communityId, t.canteenId, t.servedOn, t.meal),
    check('canteen_menu_price_not_negative', sql`${t.priceFen} >= 0`),
    check('canteen_menu_seats_positive', sql`${t.seats} > 0`),
  ],
);

/** 助餐补贴 rule: who qualifies (age, or any of some tags) and how much (fixed fen or a percentage). */
export const mealSubsidyRule = pgTable(
  'meal_subsidy_rule',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    canteenId: uuid('canteen_id').notNull().references(() => canteen.id),
    name: text('name').notNull(),
    minAge: integer('min_age'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    discountKind: text('discount_kind', { enum: ['fixed', 'percent'] }).notNull(),
    amountFen: integer('amount_fen'),
    percent: integer('percent'),
    /** Who pays it back ("区民政局高龄助餐补贴"); the monthly statement is per funding source. */
    fundingSource: text('funding_source').notNull(),
    active: boolean('active').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('meal_subsidy_rule_canteen_idx').on(t.canteenId),
    check('meal_subsidy_rule_criterion', sql`${t.minAge} IS NOT NULL OR cardinality(${t.tags}) > 0`),
    check(
      'meal_subsidy_rule_amount',
      sql`(${t.discountKind} = 'fixed' AND ${t.amountFen} > 0 AND ${t.percent} IS NULL) OR (${t.discountKind} = 'percent' AND ${t.percent} BETWEEN 1 AND 100 AND ${t.amountFen} IS NULL)`,
    ),
  ],
);

/** 订餐: one order of one sitting; the subsidy (if any) covers one portion. */
export const mealOrder = pgTable(
  'meal_order',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    canteenId: uuid('canteen_id').notNull().references(() => canteen.id),
    menuId: uuid('menu_id').notNull().references(() => canteenMenu.id),
    /** Null for a walk-in guest at the counter who is not a registered resident. */
    residentId: uuid('resident_id').references(() => resident.id),
    mode: text('mode', { enum: ['dine_in', 'pickup'] }).notNull(),
    channel: text('channel', { enum: ['app', 'counter'] }).notNull(),
    quantity: integer('quantity').notNull().default(1),
    priceFen: integer('price_fen').notNull(),
    subsidyFen: integer('subsidy_fen').notNull().default(0),
    subsidyRuleId: uuid('subsidy_rule_id').references(() => mealSubsidyRule.id),
    fundingSource: text('funding_source'),
    amountFen: integer('amount_fen').notNull(),
    status: text('status', { enum: ['ordered', 'served', 'cancelled'] }).notNull().default('ordered'),
    orderedBy: uuid('ordered_by'),
    servedAt: tstz('served_at'),
    servedBy: uuid('served_by'),
    cancelledAt: tstz('cancelled_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('meal_order_one_subsidy').on(t.menuId, t.residentId).where(sql`${t.subsidyFen} > 0 AND ${t.status} <> 'cancelled'`),
    index('meal_order_menu_idx').on(t.menuId, t.createdAt),
    index('meal_order_canteen_idx').on(t.canteenId, t.createdAt),
    index('meal_order_resident_idx').on(t.residentId),
    check('meal_order_quantity_range', sql`${t.quantity} BETWEEN 1 AND 5`),
    check('meal_order_money', sql`${t.priceFen} >= 0 AND ${t.subsidyFen} >= 0 AND ${t.amountFen} >= 0 AND ${t.subsidyFen} <= ${t.priceFen}`),
  ],
);

/** 满意度: one answer per person and event or course, 1–5; 4 and 5 count as satisfied. */
export const centerSatisfaction = pgTable(
  'center_satisfaction',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    centerId: uuid('center_id').notNull(),
    subjectKind: text('subject_kind', { enum: ['event', 'course'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    residentId: uuid('resident_id').notNull().references(() => resident.id),
    theme: text('theme', { enum: themes }),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('center_satisfaction_once').on(t.subjectKind, t.subjectId, t.residentId),
    index('center_satisfaction_center_idx').on(t.centerId, t.createdAt),
    check('center_satisfaction_score_range', sql`${t.score} BETWEEN 1 AND 5`),
  ],
);
