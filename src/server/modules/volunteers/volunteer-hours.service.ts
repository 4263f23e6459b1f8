/**
 * Service hours that count (confirmed only): rankings per volunteer and per team, the figures of
 * a community, star levels, and certificates with a code anyone can verify.
 */
import { randomInt } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor';
import { maskName } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { certificatesRepository, hoursRepository as repo, type HoursFilter } from './volunteer-hours.repository';
import { hoursOf, starLevelOf } from './volunteers.config';
import type { VolunteersKit } from './volunteers.kit';
import { renderCertificate } from './volunteers.pdf';
import { volunteersRepository, type VolunteerRow } from './volunteers.repository';
import { dayIn } from './volunteers.views';

/** Unambiguous characters (no 0/O, 1/I/L, U): easy to read out and to type. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

export function newCertificateCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** Accepts the code as typed (lower case, spaces, with or without dashes). */
export function normalizeCertificateCode(raw: string): string | null {
  const plain = raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (plain.length !== 12 || [...plain].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}

type CertRow = Awaited<ReturnType<typeof certificatesRepository.ofVolunteer>>[number];
const toCertificateView = (r: CertRow) => ({
  id: r.c.id,
  code: r.c.code,
  volunteerId: r.c.volunteerId,
  maskedName: r.c.maskedName,
  hours: hoursOf(r.c.confirmedMinutes),
  activityCount: r.c.activityCount,
  starLevel: r.c.starLevel,
  communityName: r.communityName,
  issuedAt: r.c.issuedAt,
});

export function createHoursService(kit: VolunteersKit) {
  const { ctx, config } = kit;
  const { db, audit } = ctx;

  /** Staff with the permission in scope, or the volunteer themself. */
  async function volunteerFor(actor: Actor, id: string, staffPermission: string): Promise<VolunteerRow> {
    const row = (await volunteersRepository.findInScope(db, actor, staffPermission, id)) ?? (await volunteersRepository.findOwn(db, actor, id));
    if (!row) throw new AppError('not_found');
    return row;
  }

  return {
    async rankings(actor: Actor, q: HoursFilter & { by: 'volunteer' | 'team'; limit: number }) {
      const found = q.by === 'team' ? await repo.teamRanking(db, actor, q, q.limit) : await repo.volunteerRanking(db, actor, q, q.limit);
      return found.map((r, i) => ({
        rank: i + 1,
        id: r.id,
        name: r.name,
        communityName: r.community_name,
        hours: hoursOf(Number(r.minutes)),
        participations: Number(r.participations),
        starLevel: r.all_minutes === null ? null : starLevelOf(Number(r.all_minutes), config.starHours),
        memberCount: r.member_count === null ? null : Number(r.member_count),
      }));
    },

    async stats(actor: Actor, q: HoursFilter) {
      const { counts, byMonth, byLevel } = await repo.totals(db, actor, q, config.starHours);
      return {
        volunteers: Number(counts.volunteers),
        approved: Number(counts.approved),
        pending: Number(counts.pending),
        teams: Number(counts.teams),
        activities: Number(counts.activities),
        participations: Number(counts.participations),
        confirmedHours: hoursOf(Number(counts.minutes)),
        careServices: Number(counts.care_services),
        byMonth: byMonth.map((m) => ({ month: m.month, hours: hoursOf(Number(m.minutes)), participations: Number(m.participations) })),
        byStarLevel: byLevel.map((l) => ({ level: Number(l.level), volunteers: Number(l.volunteers) })),
        starThresholds: [...config.starHours],
      };
    },

    /** Issues a certificate of the confirmed hours so far; nothing to certify without confirmed hours. */
    async issueCertificate(actor: Actor, volunteerId: string) {
      const v = await volunteerFor(actor, volunteerId, 'volunteer_certificate.issue');
      return db.transaction(async (tx) => {
        const totals = await repo.volunteerTotals(tx, v.v.id);
        if (totals.minutes === 0) throw new AppError('no_confirmed_hours');
        let row;
        for (let attempt = 0; !row && attempt < 5; attempt++) {
          row = await certificatesRepository.insert(tx, {
            communityId: v.v.communityId,
            volunteerId: v.v.id,
            code: newCertificateCode(),
            maskedName: maskName(v.v.name)!,
            confirmedMinutes: totals.minutes,
            activityCount: totals.activities,
            starLevel: starLevelOf(totals.minutes, config.starHours),
            issuedBy: actor.accountId,
          });
        }
        if (!row) throw new AppError('conflict');
        await audit.record(tx, actor, { action: 'volunteer_certificate.issue', entity: 'volunteer_certificate', entityId: row.id, communityId: row.communityId, changes: { volunteerId: { after: v.v.id }, hours: { after: hoursOf(totals.minutes) }, code: { after: row.code } } });
        return toCertificateView({ c: row, communityName: v.communityName });
      });
    },

    async certificates(actor: Actor, volunteerId: string) {
      const v = await volunteerFor(actor, volunteerId, 'volunteer.read');
      return (await certificatesRepository.ofVolunteer(db, v.v.id)).map(toCertificateView);
    },

    async certificatePdf(actor: Actor, volunteerId: string, certificateId: string, opts: { origin: string; locale: Locale }): Promise<{ pdf: Buffer; code: string }> {
      const v = await volunteerFor(actor, volunteerId, 'volunteer.read');
      const cert = (await certificatesRepository.ofVolunteer(db, v.v.id)).find((r) => r.c.id === certificateId);
      if (!cert) throw new AppError('not_found');
      const pdf = await renderCertificate({
        name: v.v.name,
        hours: hoursOf(cert.c.confirmedMinutes),
        activityCount: cert.c.activityCount,
        starLevel: cert.c.starLevel,
        communityName: cert.communityName,
        issuedOn: dayIn(cert.c.issuedAt, 'Asia/Shanghai'),
        code: cert.c.code,
        verifyUrl: `${opts.origin}/api/v1/volunteer-certificates/${cert.c.code}`,
        locale: opts.locale,
      });
      return { pdf, code: cert.c.code };
    },

    /** Public check of a printed code: masked name, hours, issuing community. */
    async verify(rawCode: string) {
      const code = normalizeCertificateCode(rawCode);
      const row = code ? await certificatesRepository.byCode(db, code) : undefined;
      if (!row) throw new AppError('not_found');
      const { id: _id, volunteerId: _v, ...view } = toCertificateView(row);
      return view;
    },
  };
}

export type HoursService = ReturnType<typeof createHoursService>;
