/**
 * Meal subsidy rules (助餐补贴): a rule applies when the diner meets its age (on the day of the
 * meal) and, if it names groups, belongs to one of them (dibao, tekun, disabled…). Of the rules
 * that apply, the one worth most is used — on one portion, at most the price of it.
 */
import { ageOn } from './center.time';
import type { RuleRow } from './canteen.repository';

export interface Diner {
  birthDate: string | null;
  tags: readonly string[];
}

export function ruleApplies(rule: Pick<RuleRow, 'minAge' | 'tags'>, diner: Diner, servedOn: string): boolean {
  if (rule.minAge != null && (!diner.birthDate || ageOn(diner.birthDate, servedOn) < rule.minAge)) return false;
  if (rule.tags.length > 0 && !rule.tags.some((t) => diner.tags.includes(t))) return false;
  return true;
}

export function discountOf(rule: Pick<RuleRow, 'discountKind' | 'amountFen' | 'percent'>, priceFen: number): number {
  const raw = rule.discountKind === 'fixed' ? (rule.amountFen ?? 0) : Math.floor((priceFen * (rule.percent ?? 0)) / 100);
  return Math.max(0, Math.min(raw, priceFen));
}

/** The best subsidy for a diner, or null when no rule applies (or the meal is free anyway). */
export function bestSubsidy(rules: readonly RuleRow[], diner: Diner, servedOn: string, priceFen: number): { rule: RuleRow; subsidyFen: number } | null {
  let best: { rule: RuleRow; subsidyFen: number } | null = null;
  for (const rule of rules) {
    if (!rule.active || !ruleApplies(rule, diner, servedOn)) continue;
    const subsidyFen = discountOf(rule, priceFen);
    if (subsidyFen > 0 && (!best || subsidyFen > best.subsidyFen)) best = { rule, subsidyFen };
  }
  return best;
}
