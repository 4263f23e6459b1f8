import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { ClockTime, IsoDate, Month, optionalText, ResidentTagList, Theme } from './common.schemas';
import { meals } from './center.constants';

export const Meal = z.enum(meals);
export const MealMode = z.enum(['dine_in', 'pickup']);
export const MealOrderStatus = z.enum(['ordered', 'served', 'cancelled']);

export const CanteenView = z.object({
  id: z.string(),
  communityId: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  name: z.string(),
  seatsPerSitting: z.number().int(),
  orderCutoff: z.string(),
  theme: Theme.nullable(),
  timezone: z.string(),
  version: z.number().int(),
});
export type CanteenView = z.infer<typeof CanteenView>;

export const CanteenListQuery = z.strictObject({ centerId: Uuid.optional() });

export const CreateCanteenBody = z.strictObject({
  centerId: Uuid,
  name: z.string().trim().min(1).max(50),
  seatsPerSitting: z.number().int().min(1).max(2000),
  /** Orders for a day close at this local time that day. */
  orderCutoff: ClockTime,
  theme: Theme.nullable().optional(),
});

export const UpdateCanteenBody = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(50).optional(),
  seatsPerSitting: z.number().int().min(1).max(2000).optional(),
  orderCutoff: ClockTime.optional(),
  theme: Theme.nullable().optional(),
});

export const SubsidyQuote = z.object({ ruleId: z.string(), ruleName: z.string(), fundingSource: z.string(), subsidyFen: z.number().int() });

export const MenuView = z.object({
  id: z.string(),
  canteenId: z.string(),
  servedOn: z.string(),
  meal: Meal,
  dishes: z.array(z.string()),
  priceFen: z.number().int(),
  seats: z.number().int(),
  orderCutoffAt: z.date(),
  orderOpen: z.boolean(),
  status: z.enum(['open', 'cancelled']),
  dineInTaken: z.number().int(),
  pickupCount: z.number().int(),
  orderCount: z.number().int(),
  servedCount: z.number().int(),
  version: z.number().int(),
});
export type MenuView = z.infer<typeof MenuView>;

export const MenuListQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { message: 'time_range', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 31, { message: 'range_too_long', path: ['to'] });

export const CreateMenuBody = z.strictObject({
  servedOn: IsoDate,
  meal: Meal,
  dishes: z.array(z.string().trim().min(1).max(30)).min(1).max(20),
  priceFen: z.number().int().min(0).max(1_000_000),
  /** Dine-in seats of this sitting (default: the canteen's seats per sitting). */
  seats: z.number().int().min(1).max(2000).optional(),
});

export const UpdateMenuBody = z.strictObject({
  version: z.number().int().min(1),
  dishes: z.array(z.string().trim().min(1).max(30)).min(1).max(20).optional(),
  priceFen: z.number().int().min(0).max(1_000_000).optional(),
  seats: z.number().int().min(1).max(2000).optional(),
  status: z.enum(['open', 'cancelled']).optional(),
});

export const SubsidyRuleView = z.object({
  id: z.string(),
  canteenId: z.string(),
  name: z.string(),
  minAge: z.number().int().nullable(),
  tags: z.array(z.string()),
  discountKind: z.enum(['fixed', 'percent']),
  amountFen: z.number().int().nullable(),
  percent: z.number().int().nullable(),
  fundingSource: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type SubsidyRuleView = z.infer<typeof SubsidyRuleView>;

const ruleFields = {
  name: z.string().trim().min(1).max(50),
  minAge: z.number().int().min(0).max(120).nullable().optional(),
  tags: ResidentTagList.optional(),
  discountKind: z.enum(['fixed', 'percent']),
  amountFen: z.number().int().min(1).max(1_000_000).nullable().optional(),
  percent: z.number().int().min(1).max(100).nullable().optional(),
  fundingSource: z.string().trim().min(1).max(100),
};

type RuleShape = { minAge?: number | null; tags?: string[]; discountKind?: 'fixed' | 'percent'; amountFen?: number | null; percent?: number | null };
const hasCriterion = (r: RuleShape) => r.minAge != null || (r.tags?.length ?? 0) > 0;
const discountMatches = (r: RuleShape) => (r.discountKind === 'fixed' ? r.amountFen != null && r.percent == null : r.percent != null && r.amountFen == null);

export const CreateSubsidyRuleBody = z
  .strictObject(ruleFields)
  .refine(hasCriterion, { message: 'subsidy_criterion', path: ['minAge'] })
  .refine(discountMatches, { message: 'subsidy_discount', path: ['amountFen'] });

export const UpdateSubsidyRuleBody = z.strictObject({
  version: z.number().int().min(1),
  name: ruleFields.name.optional(),
  fundingSource: ruleFields.fundingSource.optional(),
  active: z.boolean().optional(),
});

export const QuoteQuery = z.strictObject({ residentId: Uuid.optional() });
export const QuoteView = z.object({
  residentId: z.string(),
  residentName: z.string(),
  priceFen: z.number().int(),
  subsidy: SubsidyQuote.nullable(),
  /** A subsidized meal was already ordered for this person in this sitting. */
  alreadyClaimed: z.boolean(),
  orderOpen: z.boolean(),
});

export const CreateMealOrderBody = z.strictObject({
  /** The diner. Staff at the counter may leave it out for a guest who is not a registered resident. */
  residentId: Uuid.optional(),
  mode: MealMode,
  quantity: z.number().int().min(1).max(5).default(1),
  /** Ask for the meal subsidy on one portion; refused (4xx) when not eligible or already used this sitting. */
  claimSubsidy: z.boolean().default(false),
});

export const MealOrderView = z.object({
  id: z.string(),
  canteenId: z.string(),
  menuId: z.string(),
  servedOn: z.string(),
  meal: Meal,
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  mode: MealMode,
  channel: z.enum(['app', 'counter']),
  quantity: z.number().int(),
  priceFen: z.number().int(),
  subsidyFen: z.number().int(),
  fundingSource: z.string().nullable(),
  amountFen: z.number().int(),
  status: MealOrderStatus,
  createdAt: z.date(),
  servedAt: z.date().nullable(),
});
export type MealOrderView = z.infer<typeof MealOrderView>;

export const MealOrderListQuery = z.strictObject({
  ...pageQuery,
  canteenId: Uuid.optional(),
  menuId: Uuid.optional(),
  servedOn: IsoDate.optional(),
  status: MealOrderStatus.optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export const CancelMealOrderBody = z.strictObject({ reason: optionalText(200) });

export const StatementQuery = z.strictObject({ month: Month });
export const SubsidyStatement = z.object({
  canteenId: z.string(),
  canteenName: z.string(),
  month: z.string(),
  meals: z.number().int(),
  people: z.number().int(),
  amountFen: z.number().int(),
  bySource: z.array(z.object({ fundingSource: z.string(), meals: z.number().int(), people: z.number().int(), amountFen: z.number().int() })),
  lines: z.array(z.object({ fundingSource: z.string(), residentId: z.string(), residentName: z.string(), meals: z.number().int(), amountFen: z.number().int() })),
});
