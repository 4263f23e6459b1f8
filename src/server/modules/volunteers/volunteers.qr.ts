/**
 * Rotating check-in / check-out codes. The organizer's phone shows a QR code holding
 * `TXV1.<activity>.<i|o>.<issued second, base36>.<mac>`, valid for 60 s from issue, and a
 * 6-digit code for typing (TOTP-like: 30-s windows, the current and the previous one accepted,
 * so a typed code also lives at most 60 s). Both MACs are HMAC-SHA256 under a key derived from
 * the deployment's master key (`crypto.blindIndex`, HKDF sub-key), so a code cannot be forged
 * without the server, and a genuine code of another activity is recognized as such.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Crypto } from '../../platform/crypto';

export type QrPurpose = 'check_in' | 'check_out';
export type QrVerdict = 'ok' | 'invalid' | 'expired' | 'other_activity' | 'wrong_purpose';

export const QR_VALID_SECONDS = 60;
const SHORT_WINDOW_SECONDS = 30;
/** Clock skew tolerated between the organizer's request and the scan (same server clock, but a slow network). */
const SKEW_SECONDS = 5;
const PREFIX = 'TXV1';
const purposeLetter: Record<QrPurpose, string> = { check_in: 'i', check_out: 'o' };

export interface IssuedCode {
  token: string;
  shortCode: string;
  issuedAt: Date;
  expiresAt: Date;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function createQrSigner(crypto: Crypto) {
  const mac = (activityId: string, letter: string, second: number) => crypto.blindIndex('volunteer_qr', `${activityId}:${letter}:${second}`).slice(0, 22);
  const short = (activityId: string, letter: string, window: number) => {
    const digest = Buffer.from(crypto.blindIndex('volunteer_qr_short', `${activityId}:${letter}:${window}`), 'base64url');
    return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
  };

  function verifyShort(activityId: string, purpose: QrPurpose, code: string, nowSec: number): QrVerdict {
    const window = Math.floor(nowSec / SHORT_WINDOW_SECONDS);
    const letter = purposeLetter[purpose];
    for (let back = 0; back < 2; back++) if (same(short(activityId, letter, window - back), code)) return 'ok';
    // Recognize a code that was right a few minutes ago, to tell the volunteer it expired.
    for (let back = 2; back < 12; back++) if (same(short(activityId, letter, window - back), code)) return 'expired';
    return 'invalid';
  }

  return {
    issue(activityId: string, purpose: QrPurpose, now: Date = new Date()): IssuedCode {
      const second = Math.floor(now.getTime() / 1000);
      const letter = purposeLetter[purpose];
      return {
        token: `${PREFIX}.${activityId}.${letter}.${second.toString(36)}.${mac(activityId, letter, second)}`,
        shortCode: short(activityId, letter, Math.floor(second / SHORT_WINDOW_SECONDS)),
        issuedAt: new Date(second * 1000),
        expiresAt: new Date((second + QR_VALID_SECONDS) * 1000),
      };
    },

    /** Checks a scanned token or a typed 6-digit code against the activity the volunteer is checking in to. */
    verify(activityId: string, purpose: QrPurpose, code: string, now: Date = new Date()): QrVerdict {
      const nowSec = Math.floor(now.getTime() / 1000);
      const trimmed = code.trim();
      if (/^\d{6}$/.test(trimmed)) return verifyShort(activityId, purpose, trimmed, nowSec);
      const parts = trimmed.split('.');
      if (parts.length !== 5 || parts[0] !== PREFIX) return 'invalid';
      const [, codeActivity, letter, secondText, codeMac] = parts as [string, string, string, string, string];
      if (!/^[0-9a-z]{1,10}$/.test(secondText) || (letter !== 'i' && letter !== 'o')) return 'invalid';
      const second = parseInt(secondText, 36);
      if (!same(mac(codeActivity, letter, second), codeMac)) return 'invalid';
      if (codeActivity.toLowerCase() !== activityId.toLowerCase()) return 'other_activity';
      if (letter !== purposeLetter[purpose]) return 'wrong_purpose';
      if (second > nowSec + SKEW_SECONDS || nowSec - second > QR_VALID_SECONDS) return 'expired';
      return 'ok';
    },

    /** The activity a scanned token names (the scan page uses it to know where to check in). */
    activityOf(token: string): string | null {
      const parts = token.trim().split('.');
      return parts.length === 5 && parts[0] === PREFIX ? parts[1]! : null;
    },
  };
}

export type QrSigner = ReturnType<typeof createQrSigner>;
