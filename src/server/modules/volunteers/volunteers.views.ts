/** Rows → API views. Personal data leaves only masked; hours leave as hours with one decimal. */
import type { Crypto } from '../../platform/crypto';
import { maskPhone } from '../../platform/crypto';
import { hoursOf, starLevelOf } from './volunteers.config';
import { reviewTransitions } from './volunteer-values.schemas';
import { parseJson, type TeamRow, type VolunteerRow } from './volunteers.repository';
import type { TeamView, VolunteerView } from './volunteers.schemas';

/** Age in whole years on a day ("YYYY-MM-DD"). */
export function ageOn(birthDate: string | null, day: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The calendar day of an instant in a time zone. */
export function dayIn(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function createViews(crypto: Crypto, starHours: readonly number[]) {
  const phoneOf = (enc: string | null) => {
    if (!enc) return null;
    try {
      return maskPhone(crypto.decrypt(enc));
    } catch {
      return null;
    }
  };

  return {
    volunteer(row: VolunteerRow, today: string = dayIn(new Date(), 'Asia/Shanghai')): VolunteerView {
      const v = row.v;
      return {
        id: v.id,
        communityId: v.communityId,
        communityName: row.communityName,
        residentId: v.residentId,
        hasAccount: v.accountId !== null,
        partnerUnitId: v.partnerUnitId,
        partnerUnitName: row.partnerUnitName,
        origin: v.origin,
        name: v.name,
        gender: v.gender,
        birthDate: v.birthDate,
        age: ageOn(v.birthDate, today),
        phone: phoneOf(v.phoneEnc),
        skills: v.skills,
        availability: v.availability,
        areas: v.areas,
        note: v.note,
        status: v.status,
        reviewNote: v.reviewNote,
        reviewedAt: v.reviewedAt,
        teams: parseJson(row.teams),
        confirmedHours: hoursOf(row.minutes),
        activityCount: row.activityCount,
        starLevel: starLevelOf(row.minutes, starHours),
        actions: reviewTransitions.filter(([from]) => from === v.status).map(([, action]) => action),
        createdAt: v.createdAt,
        version: v.version,
      };
    },

    team(row: TeamRow): TeamView {
      const t = row.t;
      return {
        id: t.id,
        communityId: t.communityId,
        communityName: row.communityName,
        name: t.name,
        ownerKind: t.ownerKind,
        partnerUnitId: t.partnerUnitId,
        partnerUnitName: row.partnerUnitName,
        partyOrgId: t.partyOrgId,
        description: t.description,
        foundedOn: t.foundedOn,
        status: t.status,
        memberCount: row.memberCount,
        leaders: parseJson(row.leaders),
        confirmedHours: hoursOf(row.minutes),
        version: t.version,
      };
    },
  };
}

export type Views = ReturnType<typeof createViews>;
