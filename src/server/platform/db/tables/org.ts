import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns';

/**
 * The org tree: district → street → community → grid. `path` is the chain of ancestor ids
 * ("/d/s/c/"), so a subtree is `path LIKE '/d/s/%'` — the basis of every data scope.
 */
export const orgNode = pgTable(
  'org_node',
  {
    id: id(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgNode.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['district', 'street', 'community', 'grid'] }).notNull(),
    name: text('name').notNull(),
    /** Administrative division code where known (e.g. 410304). */
    code: text('code'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    /** The community this node belongs to (itself for a community, the owning community for a grid). */
    communityId: uuid('community_id'),
    timezone: text('timezone').notNull().default('Asia/Shanghai'),
    /** Public service phone (hotline) of a street or community. */
    phone: text('phone'),
    address: text('address'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('org_node_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('org_node_parent_idx').on(t.parentId),
    index('org_node_community_idx').on(t.communityId),
    check('org_node_kind_parent', sql`(${t.kind} = 'district') = (${t.parentId} IS NULL)`),
  ],
);

/** 党群服务中心 / 邻里中心: a community's service center. */
export const center = pgTable(
  'center',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    name: text('name').notNull(),
    address: text('address'),
    areaM2: integer('area_m2'),
    phone: text('phone'),
    openingHours: text('opening_hours'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('center_community_idx').on(t.communityId)],
);
