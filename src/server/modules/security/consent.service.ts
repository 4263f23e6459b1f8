/**
 * Separate consent (单独同意, PIPL art. 29) for sensitive data a resident enters themselves, and
 * guardians of minors: under 14 a resident's account may not consent or file requests itself —
 * its guardian does (PIPL art. 31). Other modules ask `assertMayAct` before a resident's account
 * writes, and `requireConsent` before storing data of a purpose listed here.
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { privacyRepository as repo, type ConsentRow } from './privacy.repository';

/** The purposes asking for separate consent, and the version of the notice shown for each (texts in the web locale files). */
export const consentNotices = {
  health_info: '2026-01',
  photo: '2026-01',
  location: '2026-01',
  special_groups: '2026-01',
} as const;
export type ConsentPurpose = keyof typeof consentNotices;

export const GUARDIAN_AGE = 14;
export const ADULT_AGE = 18;

const subjectKeyOf = (residentId: string | null, accountId: string) => residentId ?? `account:${accountId}`;

export function consentView(purpose: ConsentPurpose, history: ConsentRow[]) {
  const mine = history.filter((c) => c.purpose === purpose);
  const active = mine.find((c) => !c.withdrawnAt);
  return {
    purpose,
    noticeVersion: consentNotices[purpose],
    granted: !!active,
    grantedAt: active?.grantedAt ?? null,
    grantedNoticeVersion: active?.noticeVersion ?? null,
    outdated: !!active && active.noticeVersion !== consentNotices[purpose],
    history: mine.map((c) => ({ noticeVersion: c.noticeVersion, grantedAt: c.grantedAt, withdrawnAt: c.withdrawnAt })),
  };
}

export function createConsentService(ctx: AppContext) {
  const { db, audit } = ctx;

  /** Refuses when the caller is a resident under 14 (their guardian acts for them). */
  async function assertMayAct(q: Queryable, actor: Actor): Promise<void> {
    if (!actor.residentId) return;
    const age = await repo.ageOf(q, actor.residentId);
    if (age && age.age !== null && age.age < GUARDIAN_AGE) throw new AppError('guardian_required');
  }

  /** Whose consent: the caller's own, or a minor's in the caller's care (404 otherwise). */
  async function subjectFor(q: Queryable, actor: Actor, residentId: string | undefined) {
    if (!residentId || residentId === actor.residentId) {
      await assertMayAct(q, actor);
      return { key: subjectKeyOf(actor.residentId, actor.accountId!), residentId: actor.residentId, accountId: actor.accountId, communityId: null as string | null };
    }
    if (!(await repo.activeGuardianLink(q, residentId, actor.accountId!))) throw new AppError('not_found');
    const age = await repo.ageOf(q, residentId);
    return { key: residentId, residentId, accountId: null, communityId: age?.communityId ?? null };
  }

  return {
    assertMayAct,

    /** True when the data subject (resident, or account before matching) has an active consent for the purpose. */
    async hasConsent(q: Queryable, subject: { residentId: string | null; accountId: string }, purpose: ConsentPurpose): Promise<boolean> {
      return !!(await repo.activeConsent(q, subjectKeyOf(subject.residentId, subject.accountId), purpose));
    },

    async requireConsent(q: Queryable, subject: { residentId: string | null; accountId: string }, purpose: ConsentPurpose): Promise<void> {
      if (!(await this.hasConsent(q, subject, purpose))) throw new AppError('consent_required', { purpose, noticeVersion: consentNotices[purpose] });
    },

    async list(actor: Actor, residentId?: string) {
      const subject = residentId && residentId !== actor.residentId ? await subjectFor(db, actor, residentId) : { key: subjectKeyOf(actor.residentId, actor.accountId!) };
      const history = await repo.consentsOf(db, subject.key);
      return (Object.keys(consentNotices) as ConsentPurpose[]).map((p) => consentView(p, history));
    },

    async grant(actor: Actor, input: { purpose: ConsentPurpose; noticeVersion: string; residentId?: string }) {
      if (input.noticeVersion !== consentNotices[input.purpose]) {
        throw new AppError('validation_failed', [{ field: 'body.noticeVersion', code: 'notice_version_outdated' }]);
      }
      await db.transaction(async (tx) => {
        const subject = await subjectFor(tx, actor, input.residentId);
        const active = await repo.activeConsent(tx, subject.key, input.purpose);
        if (active?.noticeVersion === input.noticeVersion) return;
        if (active) await repo.withdrawConsent(tx, subject.key, input.purpose, actor.accountId!);
        const row = await repo.insertConsent(tx, {
          subjectKey: subject.key,
          residentId: subject.residentId,
          accountId: subject.accountId,
          communityId: subject.communityId,
          purpose: input.purpose,
          noticeVersion: input.noticeVersion,
          grantedBy: actor.accountId!,
          ip: actor.ip,
        });
        if (!row) return; // granted by a concurrent request: one active consent either way
        await audit.record(tx, actor, { action: 'consent.grant', entity: 'consent', entityId: row.id, communityId: subject.communityId, changes: { purpose: input.purpose, noticeVersion: input.noticeVersion, forMinor: subject.key !== subjectKeyOf(actor.residentId, actor.accountId!) } });
      });
      return this.list(actor, input.residentId);
    },

    async withdraw(actor: Actor, purpose: ConsentPurpose, residentId?: string) {
      await db.transaction(async (tx) => {
        const subject = await subjectFor(tx, actor, residentId);
        const row = await repo.withdrawConsent(tx, subject.key, purpose, actor.accountId!);
        if (!row) throw new AppError('conflict', [{ field: 'params.purpose', code: 'consent_not_given' }]);
        await audit.record(tx, actor, { action: 'consent.withdraw', entity: 'consent', entityId: row.id, communityId: subject.communityId, changes: { purpose } });
      });
      return this.list(actor, residentId);
    },

    /** Minors in the caller's care. */
    wards: (actor: Actor) => repo.wardsOf(db, actor.accountId!),

    async createGuardianLink(actor: Actor, input: { minorResidentId: string; guardianAccountId: string; relation: string }): Promise<{ id: string }> {
      return db.transaction(async (tx) => {
        const minor = await repo.residentInScope(tx, actor, 'guardian_link.manage', input.minorResidentId);
        if (!minor) throw new AppError('not_found');
        const age = await repo.ageOf(tx, minor.id);
        if (!age || age.age === null || age.age >= ADULT_AGE) throw new AppError('validation_failed', [{ field: 'body.minorResidentId', code: 'not_a_minor' }]);
        if (!(await repo.accountExists(tx, input.guardianAccountId))) throw new AppError('not_found');
        const row = await repo.insertGuardianLink(tx, { communityId: minor.communityId, minorResidentId: minor.id, guardianAccountId: input.guardianAccountId, relation: input.relation, createdBy: actor.accountId });
        if (!row) throw new AppError('already_exists');
        await audit.record(tx, actor, { action: 'guardian_link.create', entity: 'resident', entityId: minor.id, communityId: minor.communityId, changes: { guardianAccountId: input.guardianAccountId, relation: input.relation } });
        return { id: row.id };
      });
    },

    listGuardianLinks: (actor: Actor, q: { minorResidentId?: string }) => repo.listGuardianLinks(db, actor, q),

    /** Who may be picked as the guardian of a minor in the caller's scope (404 outside it). */
    async guardianCandidates(actor: Actor, q: { minorResidentId: string; q?: string }) {
      const minor = await repo.residentInScope(db, actor, 'guardian_link.manage', q.minorResidentId);
      if (!minor) throw new AppError('not_found');
      return repo.guardianCandidates(db, minor, q.q);
    },

    async revokeGuardianLink(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await repo.revokeGuardianLink(tx, actor, id);
        if (!row) throw new AppError('not_found');
        await audit.record(tx, actor, { action: 'guardian_link.revoke', entity: 'resident', entityId: row.minorResidentId, communityId: row.communityId });
      });
    },
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
