/**
 * 服务人次: every time a person is served — an event check-in, a course attendance, a canteen
 * meal, a care service, a volunteer service to them — counts once, recorded by the module that
 * served them (idempotent on source + source id), and summed per center, month, theme and group.
 */
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../platform/db/columns';

export const serviceVisit = pgTable(
  'service_visit',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    centerId: uuid('center_id'),
    residentId: uuid('resident_id'),
    /** What served them: 'event_check_in' | 'course_attendance' | 'canteen_meal' | 'care_service' | … */
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    /** 多彩党建 theme color of the service line, when it has one. */
    theme: text('theme'),
    /** 'elderly' | 'children' | 'youth' | 'adult' (by age on the day), or a module's own group. */
    targetGroup: text('target_group').notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('service_visit_source_key').on(t.communityId, t.source, t.sourceId),
    index('service_visit_time_idx').on(t.communityId, t.occurredAt),
    index('service_visit_center_idx').on(t.centerId, t.occurredAt),
  ],
);
