/**
 * Inbox notices of the volunteer module, in the recipient's language (account preference,
 * zh-CN by default). The inbox stores the sentence, so it is chosen when the notice is written.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { account } from '../../platform/db/tables/auth';
import type { Locale } from '../../platform/i18n';

type Texts = { title: string; body: string };
type Template<A> = Record<Locale, (a: A) => Texts>;

export const notices = {
  promoted: {
    'zh-CN': (a: { title: string; when: string }) => ({ title: '候补转为正式报名', body: `有人取消了报名，您已从候补转为「${a.title}」的正式志愿者（${a.when}）。请按时参加。` }),
    'en-US': (a: { title: string; when: string }) => ({ title: 'You are off the waitlist', body: `A place opened up: you are now signed up for "${a.title}" (${a.when}).` }),
  },
  starLevel: {
    'zh-CN': (a: { level: number; hours: number }) => ({ title: a.level > 0 ? `恭喜成为${a.level}星级志愿者` : '星级志愿者等级变更', body: `您累计确认的志愿服务时长为 ${a.hours} 小时，当前星级：${a.level} 星。` }),
    'en-US': (a: { level: number; hours: number }) => ({ title: a.level > 0 ? `You are now a ${a.level}-star volunteer` : 'Your star level changed', body: `Your confirmed service hours: ${a.hours}. Star level: ${a.level}.` }),
  },
  reviewed: {
    'zh-CN': (a: { action: string; community: string }) => ({
      title: { approve: '志愿者注册已通过', reject: '志愿者注册未通过', suspend: '志愿者资格已暂停', reinstate: '志愿者资格已恢复' }[a.action] ?? '志愿者状态变更',
      body: a.action === 'approve' || a.action === 'reinstate' ? `您已成为${a.community}的志愿者，可以在“志愿服务”中报名活动。` : `如有疑问，请联系${a.community}。`,
    }),
    'en-US': (a: { action: string; community: string }) => ({
      title: { approve: 'Volunteer registration approved', reject: 'Volunteer registration declined', suspend: 'Volunteer status suspended', reinstate: 'Volunteer status restored' }[a.action] ?? 'Volunteer status changed',
      body: a.action === 'approve' || a.action === 'reinstate' ? `You are a volunteer of ${a.community} and can sign up for activities.` : `Contact ${a.community} with any questions.`,
    }),
  },
  activityCancelled: {
    'zh-CN': (a: { title: string; when: string }) => ({ title: '志愿活动已取消', body: `您报名的「${a.title}」（${a.when}）已取消。` }),
    'en-US': (a: { title: string; when: string }) => ({ title: 'Activity cancelled', body: `"${a.title}" (${a.when}) has been cancelled.` }),
  },
} satisfies Record<string, Template<never>>;

/** Each account's language (zh-CN unless it chose English). */
export async function languagesOf(q: Queryable, accountIds: readonly string[]): Promise<Map<string, Locale>> {
  if (!accountIds.length) return new Map();
  const found = await q
    .select({ id: account.id, language: sql<string | null>`${account.preferences}->>'language'` })
    .from(account)
    .where(inArray(account.id, [...accountIds]));
  return new Map(found.map((r) => [r.id, r.language === 'en-US' ? 'en-US' : 'zh-CN']));
}

/** "2026-05-01 09:00" in the community's zone, for notice bodies. */
export function localTime(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}`;
}
