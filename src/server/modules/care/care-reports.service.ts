/**
 * What care adds up to: aggregates for street and community (street staff see nothing else), the
 * monthly group-birthday list, and the exports. Restricted conditions appear in an export only for
 * the care officer, and such an export is audited like a read.
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import type { Locale } from '../../platform/i18n';
import { careLabel } from './care.labels';
import { streamXlsx, type Cell, type XlsxStream } from './care.export';
import { conditionKindIndex } from './care-files.service';
import { careReportsRepository as repo } from './care-reports.repository';
import type { CareStats } from './care-files.schemas';

const EXPORT_BATCH = 500;

export function createCareReportsService(ctx: AppContext) {
  const { db, audit, crypto } = ctx;

  async function birthdayList(actor: Actor, q: { month?: string; group: 'left_behind_child' | 'elderly' | 'all'; communityId?: string }) {
    const month = q.month ?? (await repo.currentMonth(db, actor));
    const found = await repo.birthdays(db, actor, { month, group: q.group, communityId: q.communityId });
    return {
      month,
      items: found.map((r) => ({
        residentId: r.id,
        name: r.name,
        gender: r.gender,
        birthDate: r.birth_date,
        ageTurning: r.turning,
        group: r.is_child ? ('left_behind_child' as const) : ('elderly' as const),
        address: r.address ?? '',
        gridName: r.grid_name,
      })),
    };
  }

  return {
    async stats(actor: Actor, q: { orgId?: string; year?: number }): Promise<CareStats> {
      const s = await repo.stats(db, actor, { ...q, restrictedIdx: conditionKindIndex(crypto, 'severe_mental_disorder') });
      const mayRestricted = actor.grants.some((g) => g.permissions.has('care_condition.restricted'));
      if (mayRestricted && s.restrictedPeople > 0) {
        await audit.recordNow(actor, { action: 'care_condition.read_restricted', entity: 'care_stats', changes: { people: s.restrictedPeople } });
      }
      return {
        careFiles: { total: s.files?.total ?? 0, active: s.files?.active ?? 0, byCategory: s.byCategory },
        applications: { total: s.byKind.reduce((n, k) => n + k.count, 0), byKind: s.byKind, byStatus: s.byStatus, approvedMonthlyFen: Number(s.monthlyFen) },
        services: { total: s.services.reduce((n, k) => n + k.count, 0), byKind: s.services },
        consolations: { campaigns: s.consolations?.campaigns ?? 0, households: s.consolations?.households ?? 0, amountFen: Number(s.consolations?.fen ?? 0) },
        wishes: { total: s.wishes?.total ?? 0, fulfilled: s.wishes?.fulfilled ?? 0 },
        ...(mayRestricted ? { restricted: { severeMentalDisorder: s.restrictedPeople } } : {}),
      };
    },

    birthdays: birthdayList,

    async exportBirthdays(actor: Actor, locale: Locale, q: { month?: string; group: 'left_behind_child' | 'elderly' | 'all'; communityId?: string }): Promise<XlsxStream & { filename: string }> {
      const list = await birthdayList(actor, q);
      const L = (k: string) => careLabel(locale, k);
      const header = [L('name'), L('gender'), L('birthday'), L('turning'), L('group'), L('address'), L('grid'), L('signature')];
      const rows: Cell[][] = list.items.map((p) => [p.name, L(p.gender), p.birthDate.slice(5), p.ageTurning, L(p.group), p.address, p.gridName, '']);
      await audit.recordNow(actor, { action: 'care_birthday.export', entity: 'resident', changes: { month: list.month, people: rows.length } });
      async function* one() {
        yield rows;
      }
      return { ...streamXlsx(L('birthdaysSheet'), header, one()), filename: `${L('birthdaysSheet')}-${list.month}.xlsx` };
    },

    async exportCareFiles(actor: Actor, locale: Locale, q: { category?: string; status?: string; gridId?: string; condition?: string }): Promise<XlsxStream & { filename: string }> {
      const L = (k: string) => careLabel(locale, k);
      const header = [L('address'), L('grid'), L('head'), L('members'), L('categories'), L('income'), L('housing'), L('needs'), L('conditions'), L('status')];
      const conditionIdx = q.condition ? conditionKindIndex(crypto, q.condition) : undefined;
      await audit.recordNow(actor, { action: 'care_file.export', entity: 'care_file', changes: { filter: { ...q } } });
      async function* batches(): AsyncIterable<Cell[][]> {
        let after: string | undefined;
        let restricted = 0;
        for (;;) {
          const batch = await repo.exportRows(db, actor, { ...q, conditionIdx, after, limit: EXPORT_BATCH });
          if (batch.length === 0) break;
          restricted += batch.reduce((n, r) => n + r.restricted_count, 0);
          yield batch.map((r) => [
            r.address,
            r.grid_name,
            r.head_name,
            r.members,
            r.categories.map(L).join('、'),
            r.monthly_income_fen === null ? null : r.monthly_income_fen / 100,
            r.housing_kind ? L(r.housing_kind) : null,
            r.needs.map(L).join('、'),
            (r.condition_encs ?? []).map((enc) => L((JSON.parse(crypto.decrypt(enc)) as { kind: string }).kind)).join('、'),
            L(r.status),
          ]);
          after = batch[batch.length - 1]!.id;
          if (batch.length < EXPORT_BATCH) break;
        }
        if (restricted > 0) await audit.recordNow(actor, { action: 'care_condition.read_restricted', entity: 'care_file', changes: { export: true, conditions: restricted } });
      }
      return { ...streamXlsx(L('careFilesSheet'), header, batches()), filename: `${L('careFilesSheet')}.xlsx` };
    },
  };
}

export type CareReportsService = ReturnType<typeof createCareReportsService>;
