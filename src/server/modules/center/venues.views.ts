/** Venue and booking rows as the API shows them to a given caller. */
import { maskName } from '../../platform/crypto';
import type { BookingWithNames, VenueWithCenter } from './venues.repository';
import type { BookingView, VenueView } from './venues.schemas';

export const toVenueView = ({ venue: v, centerName }: VenueWithCenter): VenueView => ({
  id: v.id,
  communityId: v.communityId,
  centerId: v.centerId,
  centerName,
  name: v.name,
  purpose: v.purpose,
  areaM2: v.areaM2,
  capacity: v.capacity,
  equipment: v.equipment,
  opensAt: v.opensAt,
  closesAt: v.closesAt,
  openWeekdays: v.openWeekdays,
  theme: v.theme,
  bookableBy: v.bookableBy as VenueView['bookableBy'],
  approvalRequired: v.approvalRequired,
  status: v.status,
  version: v.version,
});

export interface Viewer {
  accountId: string | null;
  /** Staff running the center see who booked; others see partner units by name and residents masked. */
  seesNames: boolean;
}

function bookerName(r: BookingWithNames, viewer: Viewer, mine: boolean): string | null {
  const kind = r.booking.bookerKind;
  switch (kind) {
    case 'staff':
      return viewer.seesNames || mine ? r.accountName : null;
    case 'partner':
      return r.partnerName;
    case 'resident':
      return viewer.seesNames || mine ? r.residentName : maskName(r.residentName);
    case 'course':
    case 'event':
      return null;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

export function toBookingView(r: BookingWithNames, viewer: Viewer): BookingView {
  const b = r.booking;
  const mine = !!viewer.accountId && b.bookedBy === viewer.accountId && (b.bookerKind === 'resident' || b.bookerKind === 'partner' || b.bookerKind === 'staff');
  return {
    id: b.id,
    communityId: b.communityId,
    venueId: b.venueId,
    venueName: r.venueName,
    seriesId: b.seriesId,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    purpose: b.purpose,
    attendees: b.attendees,
    bookerKind: b.bookerKind,
    bookerName: bookerName(r, viewer, mine),
    partnerUnitId: b.partnerUnitId,
    mine,
    status: b.status,
    decisionNote: b.decisionNote,
    cancelReason: b.cancelReason,
    version: b.version,
    createdAt: b.createdAt,
  };
}
