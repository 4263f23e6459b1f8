/**
 * A booking's life as data: `from → action → to`, and whether only staff may take the action.
 * The service checks this table; the admin web draws its buttons from the same table.
 *
 *   pending ──approve──▶ confirmed ──cancel──▶ cancelled
 *      │  └──reject───▶ rejected
 *      └──────cancel──────────────────────────▶ cancelled
 */
import type { VenueRow } from './venues.repository';

export const bookingTransitions = {
  approve: { from: ['pending'], to: 'confirmed', staffOnly: true },
  reject: { from: ['pending'], to: 'rejected', staffOnly: true },
  cancel: { from: ['pending', 'confirmed'], to: 'cancelled', staffOnly: false },
} as const;

export type BookingAction = keyof typeof bookingTransitions;

/** Whether partners or residents may book a venue at all (staff always may). */
export function bookingAllowed(v: Pick<VenueRow, 'bookableBy'>, who: 'partner' | 'resident'): boolean {
  return v.bookableBy.includes(who);
}
