/**
 * A resident's rights over their data (PIPL arts. 44–46): see what is held about them, download
 * it, and ask for a correction (or deletion), which community staff resolve or reject — every
 * step audited. The view masks ID number and phone; the download (audited) carries them in full.
 *
 * Correction requests:  pending --resolve--> resolved,  pending --reject--> rejected.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { maskIdNumber, maskPhone } from '../../platform/crypto';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import type { AuthService } from '../auth/auth.service';
import type { NotificationsService } from '../notifications/notifications.service';
import { consentNotices, consentView, type ConsentPurpose, type ConsentService } from './consent.service';
import { privacyRepository as repo, type PrivacyRequestRow } from './privacy.repository';
import { securityMessages } from './security.messages';
import { privacyRequest } from './security.tables';

type Field = (typeof privacyRequest.$inferSelect)['field'];
const secretFields = new Set<Field>(['phone', 'idNumber']);
const maskFor = (field: Field, value: string) => (field === 'phone' ? maskPhone(value) : field === 'idNumber' ? maskIdNumber(value) : value);

export const privacyTransitions = [
  { from: 'pending', action: 'resolve', to: 'resolved', permission: 'privacy_request.handle' },
  { from: 'pending', action: 'reject', to: 'rejected', permission: 'privacy_request.handle' },
] as const;

export function createPrivacyService(ctx: AppContext, deps: { consent: ConsentService; notifications: NotificationsService; auth: AuthService }) {
  const { db, audit, crypto } = ctx;

  function view(row: PrivacyRequestRow, reveal = false) {
    const value = row.requestedValueEnc ? crypto.decrypt(row.requestedValueEnc) : null;
    return {
      id: row.id,
      communityId: row.communityId,
      residentId: row.residentId,
      residentName: row.residentName,
      kind: row.kind,
      field: row.field,
      value: value === null ? null : reveal ? value : maskFor(row.field, value),
      reason: row.reason,
      status: row.status,
      responseNote: row.responseNote,
      handledAt: row.handledAt,
      createdAt: row.createdAt,
      version: row.version,
    };
  }

  const requireResident = (actor: Actor): string => {
    if (!actor.residentId) throw new AppError('resident_link_required');
    return actor.residentId;
  };

  async function handle(actor: Actor, id: string, action: 'resolve' | 'reject', input: { version: number; note: string }) {
    const to = privacyTransitions.find((t) => t.action === action)!.to;
    const updated = await db.transaction(async (tx) => {
      const row = await repo.requestInScope(tx, actor, 'privacy_request.handle', id);
      if (!row) throw new AppError('not_found');
      if (row.status !== 'pending') throw new AppError('invalid_transition', { from: row.status, action });
      const after = await updateVersioned(tx, privacyRequest, { id, version: input.version, values: { status: to, responseNote: input.note || null, handledBy: actor.accountId, handledAt: new Date() } });
      await audit.record(tx, actor, { action: `privacy_request.${action}`, entity: 'privacy_request', entityId: id, communityId: row.communityId, changes: { status: { before: row.status, after: to } }, reason: input.note || null });
      const text = securityMessages.requestHandled(action, row.field, input.note);
      await deps.notifications.notify(tx, { accountIds: [row.accountId], communityId: row.communityId, kind: `privacy_request.${to}`, ...text, link: '/m/privacy', entity: 'privacy_request', entityId: id });
      return { ...row, ...after };
    });
    return view(updated);
  }

  return {
    /** Everything held about the caller; `full` (the download) carries ID number and phone unmasked and is audited. */
    async myData(actor: Actor, full: boolean) {
      const own = actor.residentId ? await repo.ownRecord(db, actor.residentId) : undefined;
      const subjectKey = actor.residentId ?? `account:${actor.accountId}`;
      const [account, consents, requests, guardians, sessions, accessLog] = await Promise.all([
        deps.auth.profile(actor),
        repo.consentsOf(db, subjectKey),
        actor.residentId ? repo.requestsOfResident(db, actor.residentId) : Promise.resolve([]),
        actor.residentId ? repo.guardiansOf(db, actor.residentId) : Promise.resolve([]),
        deps.auth.sessions(actor),
        repo.accessLog(db, [actor.accountId!, ...(actor.residentId ? [actor.residentId] : [])]),
      ]);
      const secret = (enc: string | null, mask: (v: string) => string | null) => (enc ? (full ? crypto.decrypt(enc) : mask(crypto.decrypt(enc))) : null);
      const data = {
        generatedAt: new Date(),
        account,
        resident: own
          ? {
              id: own.id,
              name: own.name,
              gender: own.gender,
              birthDate: own.birth_date,
              idNumber: secret(own.id_number_enc, maskIdNumber),
              phone: secret(own.phone_enc, maskPhone),
              ethnicity: own.ethnicity,
              politicalStatus: own.political_status,
              residency: own.residency,
              tags: own.tags,
              status: own.status,
              relationToHead: own.relation_to_head,
              community: own.community,
              address: own.address,
            }
          : null,
        consents: (Object.keys(consentNotices) as ConsentPurpose[]).map((p) => consentView(p, consents)),
        correctionRequests: requests.map((r) => view(r)),
        guardians,
        sessions: sessions.map((s) => ({ createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, ip: s.ip, userAgent: s.userAgent })),
        accessLog,
      };
      if (full) await audit.recordNow(actor, { action: 'privacy.data_downloaded', entity: 'account', entityId: actor.accountId, communityId: own?.community_id ?? null });
      return data;
    },

    async myRequests(actor: Actor) {
      return (await repo.requestsOfResident(db, requireResident(actor))).map((r) => view(r));
    },

    async createRequest(actor: Actor, input: { kind: 'correction' | 'deletion'; field: Field; value?: string; reason: string }) {
      const residentId = requireResident(actor);
      const created = await db.transaction(async (tx) => {
        await deps.consent.assertMayAct(tx, actor);
        const own = await repo.ageOf(tx, residentId);
        if (!own) throw new AppError('resident_link_required');
        const row = await repo.insertRequest(tx, {
          communityId: own.communityId,
          residentId,
          accountId: actor.accountId!,
          kind: input.kind,
          field: input.field,
          requestedValueEnc: input.value ? crypto.encrypt(input.value) : null,
          reason: input.reason,
        });
        const masked = input.value ? maskFor(input.field, input.value) : null;
        await audit.record(tx, actor, { action: 'privacy_request.create', entity: 'privacy_request', entityId: row.id, communityId: own.communityId, changes: { kind: input.kind, field: input.field, value: secretFields.has(input.field) ? masked : input.value ?? null } });
        return row.id;
      });
      const row = (await repo.requestsOfResident(db, residentId)).find((r) => r.id === created)!;
      return view(row);
    },

    async list(actor: Actor, q: { status?: 'pending' | 'resolved' | 'rejected'; communityId?: string; cursor?: string; limit: number }) {
      const before = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const rows = await repo.listRequests(db, actor, { ...q, before: before ?? undefined });
      return pageFrom(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], (r) => view(r));
    },

    /** The full request for the staff member handling it; showing an ID number or phone in clear is a reveal, audited. */
    async get(actor: Actor, id: string) {
      const row = await repo.requestInScope(db, actor, 'privacy_request.read', id);
      if (!row) throw new AppError('not_found');
      if (secretFields.has(row.field) && row.requestedValueEnc) {
        await audit.recordNow(actor, { action: 'privacy_request.reveal', entity: 'privacy_request', entityId: id, communityId: row.communityId, changes: { field: row.field } });
      }
      return view(row, true);
    },

    resolve: (actor: Actor, id: string, input: { version: number; note: string }) => handle(actor, id, 'resolve', input),
    reject: (actor: Actor, id: string, input: { version: number; note: string }) => handle(actor, id, 'reject', input),
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
