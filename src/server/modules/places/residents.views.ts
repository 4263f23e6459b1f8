/**
 * Rows → API views. Personal fields leave the server only masked: the ciphertext is opened here
 * just long enough to keep the first three and last four characters.
 */
import { maskIdNumber, maskName, maskPhone, type Crypto } from '../../platform/crypto';
import { ageOn } from './places.checks';
import type { HouseholdRow, ResidentListRow } from './residents.repository';
import type { HouseholdView, ResidentListItem } from './residents.schemas';

export function maskedField(crypto: Crypto, sealed: string | null, kind: 'idNumber' | 'phone'): string | null {
  if (!sealed) return null;
  const clear = crypto.decrypt(sealed);
  return kind === 'idNumber' ? maskIdNumber(clear) : maskPhone(clear);
}

export function toListItem(crypto: Crypto, row: ResidentListRow, today: string): ResidentListItem {
  return {
    id: row.id,
    communityId: row.communityId,
    gridId: row.gridId,
    householdId: row.householdId,
    buildingId: row.buildingId,
    address: row.address,
    relationToHead: row.relationToHead,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    age: row.birthDate ? ageOn(row.birthDate, today) : null,
    idNumber: maskedField(crypto, row.idNumberEnc, 'idNumber'),
    phone: maskedField(crypto, row.phoneEnc, 'phone'),
    residency: row.residency,
    tags: row.tags,
    status: row.status,
  };
}

export interface HouseholdJoined {
  household: HouseholdRow;
  buildingName: string;
  estateName: string;
  entranceName: string | null;
  headName: string | null;
  memberCount: number;
}

export function toHouseholdView(row: HouseholdJoined): HouseholdView {
  const h = row.household;
  return {
    id: h.id,
    communityId: h.communityId,
    gridId: h.gridId,
    buildingId: h.buildingId,
    buildingName: row.buildingName,
    estateName: row.estateName,
    entranceId: h.entranceId,
    entranceName: row.entranceName,
    room: h.room,
    address: [row.estateName, row.buildingName, row.entranceName, h.room].filter(Boolean).join(' '),
    residency: h.residency,
    headResidentId: h.headResidentId,
    headName: row.headName,
    memberCount: row.memberCount,
    notes: h.notes,
    version: h.version,
  };
}

/** Personal fields in audit diffs: never in clear. */
export const auditMasks = {
  name: (v: unknown) => maskName(String(v)),
  idNumber: (v: unknown) => maskIdNumber(String(v)),
  phone: (v: unknown) => maskPhone(String(v)),
};

export function addressText(estateName: string, buildingName: string, entranceName: string | null, room: string): string {
  return [estateName, buildingName, entranceName, room].filter(Boolean).join(' ');
}
