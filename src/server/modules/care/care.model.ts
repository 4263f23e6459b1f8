/**
 * The vocabulary and rules of care as data: categories, conditions (and which are restricted),
 * caps, and the assistance application's state machine. Pure (no server imports), so the web
 * draws its buttons and step bar from the same table the service enforces.
 */

/** Resident tags and assistance kinds that make a household a care household (and suggest a file). */
export const careCategories = ['elderly_alone', 'empty_nest', 'left_behind_child', 'disabled', 'dibao', 'tekun', 'severe_illness', 'single_parent', 'low_income'] as const;
export type CareCategory = (typeof careCategories)[number];

/** Resident tags that suggest opening a care file for their household. */
export const suggestingTags: readonly string[] = careCategories;

export const careNeeds = ['daily_care', 'meals', 'medical', 'financial', 'education', 'employment', 'emotional', 'housing', 'legal'] as const;
export const housingKinds = ['public_rental', 'low_rent', 'affordable', 'owned', 'private_rental', 'other'] as const;

export const conditionKinds = ['chronic_illness', 'severe_illness', 'disability', 'dementia', 'bedridden', 'severe_mental_disorder', 'other'] as const;
export type ConditionKind = (typeof conditionKinds)[number];
/**
 * Conditions only the community's care officer may see. Everyone else gets no trace of them —
 * not a masked value, not a count on the file, not a search hit, not an export column.
 */
export const restrictedConditionKinds: readonly ConditionKind[] = ['severe_mental_disorder'];
export const isRestrictedKind = (kind: string): boolean => (restrictedConditionKinds as readonly string[]).includes(kind);

export const assistanceKinds = ['dibao', 'tekun', 'temporary_relief', 'medical_relief'] as const;
export type AssistanceKind = (typeof assistanceKinds)[number];
/** Kinds that are paid monthly and re-reviewed every year. */
export const recurringAssistanceKinds: readonly AssistanceKind[] = ['dibao', 'tekun'];

/** Upper bound of one amount per kind (monthly for dibao/tekun, one-off otherwise), in fen. */
export const assistanceAmountCapFen: Record<AssistanceKind, number> = {
  dibao: 300_000,
  tekun: 500_000,
  temporary_relief: 2_000_000,
  medical_relief: 5_000_000,
};

export const careServiceKinds = ['daily_care', 'emotional_support', 'health_care'] as const;
export type CareServiceKind = (typeof careServiceKinds)[number];

export const consolationOccasions = ['spring_festival', 'lantern', 'dragon_boat', 'mid_autumn', 'double_ninth', 'laba', 'student_aid', 'medical_aid', 'other'] as const;
export type ConsolationOccasion = (typeof consolationOccasions)[number];
/** Upper bound of a campaign's per-household cap, in fen. */
export const consolationCapLimitFen = 1_000_000;

export const wishCategories = ['daily_goods', 'food', 'clothing', 'study', 'health', 'other'] as const;
/** A micro-wish is small: its price may not exceed this (¥500). */
export const wishPriceCapFen = 50_000;
export const wishStatuses = ['pending_review', 'open', 'claimed', 'fulfilled', 'confirmed', 'rejected'] as const;
export type WishStatus = (typeof wishStatuses)[number];

// ---- assistance application state machine ------------------------------------------------------

export const assistanceStatuses = ['draft', 'submitted', 'community_review', 'public_notice', 'street_review', 'approved', 'rejected'] as const;
export type AssistanceStatus = (typeof assistanceStatuses)[number];

/** The path an application walks when all goes well (the step bar). */
export const assistancePath: readonly AssistanceStatus[] = ['draft', 'submitted', 'community_review', 'public_notice', 'street_review', 'approved'];

export const assistanceActions = ['submit', 'accept', 'publish_notice', 'record_objection', 'forward', 'approve', 'reject'] as const;
export type AssistanceAction = (typeof assistanceActions)[number];

/** Who takes a step: whoever drafts applications, community reviewers, or street reviewers. */
export type AssistanceActor = 'drafter' | 'community' | 'street';

export interface AssistanceTransition {
  from: AssistanceStatus;
  action: AssistanceAction;
  to: AssistanceStatus;
  by: AssistanceActor;
  /** Reviewers may not act on an application they submitted themselves. */
  notBySubmitter: boolean;
}

/** 公示: seven days from the day the notice goes up. */
export const noticeDays = 7;

export const assistanceTransitions: readonly AssistanceTransition[] = [
  { from: 'draft', action: 'submit', to: 'submitted', by: 'drafter', notBySubmitter: false },
  { from: 'submitted', action: 'accept', to: 'community_review', by: 'community', notBySubmitter: true },
  { from: 'submitted', action: 'reject', to: 'rejected', by: 'community', notBySubmitter: true },
  { from: 'community_review', action: 'publish_notice', to: 'public_notice', by: 'community', notBySubmitter: true },
  { from: 'community_review', action: 'reject', to: 'rejected', by: 'community', notBySubmitter: true },
  { from: 'public_notice', action: 'record_objection', to: 'public_notice', by: 'community', notBySubmitter: false },
  { from: 'public_notice', action: 'forward', to: 'street_review', by: 'community', notBySubmitter: true },
  { from: 'public_notice', action: 'reject', to: 'rejected', by: 'community', notBySubmitter: true },
  { from: 'street_review', action: 'approve', to: 'approved', by: 'street', notBySubmitter: true },
  { from: 'street_review', action: 'reject', to: 'rejected', by: 'street', notBySubmitter: true },
];

export function transitionFor(from: AssistanceStatus, action: AssistanceAction): AssistanceTransition | undefined {
  return assistanceTransitions.find((t) => t.from === from && t.action === action);
}

/** The permission each kind of actor needs (declared in care.policy.ts). */
export const assistancePermissionFor: Record<AssistanceActor, string> = {
  drafter: 'assistance.create',
  community: 'assistance.community_review',
  street: 'assistance.street_review',
};
