/**
 * The in-app notices a ticket sends (new, assigned, overdue, resolved / please rate, returned,
 * reopened, merged). Written in the product's default language; staff links open the admin web,
 * residents' links the resident app. Delivery beyond the inbox is the notifications module's
 * business (outbound channels, after commit, never blocking).
 */
import type { Queryable } from '../../platform/db/client';
import type { NotificationsService } from '../notifications/notifications.service';
import type { TicketRow } from './tickets.repository';

export type TicketNotice = 'new' | 'assigned' | 'overdue' | 'resolved' | 'returned' | 'reopened' | 'merged';

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

function wording(kind: TicketNotice, t: TicketRow, categoryName: string, extra: { level?: number; reason?: string | null }): { title: string; body: string } {
  switch (kind) {
    case 'new':
      return { title: `新诉求待受理：${categoryName}`, body: `${t.buildingLabel ? `${t.buildingLabel} · ` : ''}${short(t.description)}` };
    case 'assigned':
      return { title: `诉求转派给您：${categoryName}`, body: `${extra.reason ? `转派原因：${extra.reason}。` : ''}${short(t.description)}` };
    case 'overdue':
      return { title: `诉求超期督办（${extra.level === 2 ? '社区书记' : '网格长'}）：${categoryName}`, body: short(t.description) };
    case 'resolved':
      return { title: '您反映的问题已办结，请评价', body: `${t.resolution ? short(t.resolution) : ''}（7天内可评价，不满意可要求重新办理）` };
    case 'returned':
      return { title: '您反映的问题已退回', body: extra.reason ? `原因：${extra.reason}` : short(t.description) };
    case 'reopened':
      return { title: `居民不满意，诉求重新办理：${categoryName}`, body: short(t.description) };
    case 'merged':
      return { title: '您反映的问题已与相同诉求合并办理', body: '办理结果会同步通知您' };
    default: {
      const never: never = kind;
      throw new Error(`unknown notice ${String(never)}`);
    }
  }
}

export function createTicketNotifier(notifications: Pick<NotificationsService, 'notify'>) {
  return async function notice(
    tx: Queryable,
    kind: TicketNotice,
    t: TicketRow,
    categoryName: string,
    to: { staff?: readonly (string | null | undefined)[]; residents?: readonly (string | null | undefined)[] },
    extra: { level?: number; reason?: string | null } = {},
  ): Promise<void> {
    const text = wording(kind, t, categoryName, extra);
    const staff = (to.staff ?? []).filter((id): id is string => !!id);
    const residents = (to.residents ?? []).filter((id): id is string => !!id && !staff.includes(id));
    const base = { communityId: t.communityId, kind: `ticket.${kind}`, entity: 'ticket', entityId: t.id, ...text };
    if (staff.length) await notifications.notify(tx, { ...base, accountIds: staff, link: `/tickets/${t.id}` });
    if (residents.length) await notifications.notify(tx, { ...base, accountIds: residents, link: `/m/tickets/${t.id}` });
  };
}

export type TicketNotifier = ReturnType<typeof createTicketNotifier>;
