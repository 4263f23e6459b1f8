import { describe, expect, it } from 'vitest';
import { createCrypto } from '../../platform/crypto';
import { hoursToNextLevel, starLevelOf, volunteerConfigFrom } from './volunteers.config';
import { createQrSigner } from './volunteers.qr';
import { newCertificateCode, normalizeCertificateCode } from './volunteer-hours.service';

const signer = createQrSigner(createCrypto(Buffer.alloc(32, 3)));
const other = createQrSigner(createCrypto(Buffer.alloc(32, 4)));
const A = '0190f0a0-0000-7000-8000-000000000001';
const B = '0190f0a0-0000-7000-8000-000000000002';

describe('rotating check-in codes', () => {
  const t0 = new Date('2026-05-01T01:00:10Z');
  const at = (s: number) => new Date(t0.getTime() + s * 1000);

  it('a QR token is valid for 60 seconds from issue, for its activity and purpose only', () => {
    const { token, expiresAt } = signer.issue(A, 'check_in', t0);
    expect(expiresAt.getTime() - t0.getTime()).toBe(60_000);
    expect(signer.verify(A, 'check_in', token, at(0))).toBe('ok');
    expect(signer.verify(A, 'check_in', token, at(60))).toBe('ok');
    expect(signer.verify(A, 'check_in', token, at(61))).toBe('expired');
    expect(signer.verify(A, 'check_in', token, at(-30))).toBe('expired');
    expect(signer.verify(B, 'check_in', token, at(1))).toBe('other_activity');
    expect(signer.verify(A, 'check_out', token, at(1))).toBe('wrong_purpose');
  });

  it('a token from another key, or edited, is invalid', () => {
    const { token } = other.issue(A, 'check_in', t0);
    expect(signer.verify(A, 'check_in', token, at(1))).toBe('invalid');
    const mine = signer.issue(A, 'check_in', t0).token;
    const laterTime = mine.replace(/\.([0-9a-z]+)\.([^.]+)$/, (_m, sec: string, mac: string) => `.${(parseInt(sec, 36) + 120).toString(36)}.${mac}`);
    expect(signer.verify(A, 'check_in', laterTime, at(121))).toBe('invalid');
    expect(signer.verify(A, 'check_in', 'TXV1.x.i.1.y', at(1))).toBe('invalid');
    expect(signer.verify(A, 'check_in', 'hello', at(1))).toBe('invalid');
  });

  it('the 6-digit code lives at most 60 seconds (its 30-s window and the next)', () => {
    const { shortCode } = signer.issue(A, 'check_in', new Date('2026-05-01T01:00:00Z'));
    const base = new Date('2026-05-01T01:00:00Z').getTime();
    expect(signer.verify(A, 'check_in', shortCode, new Date(base + 29_000))).toBe('ok');
    expect(signer.verify(A, 'check_in', shortCode, new Date(base + 59_000))).toBe('ok');
    expect(signer.verify(A, 'check_in', shortCode, new Date(base + 61_000))).toBe('expired');
    expect(signer.verify(A, 'check_out', shortCode, new Date(base + 1_000))).not.toBe('ok');
  });
});

describe('star levels and settings', () => {
  it('default thresholds are 100 / 300 / 600 / 1,000 / 1,500 hours', () => {
    const { starHours, overlap } = volunteerConfigFrom({});
    expect(starHours).toEqual([100, 300, 600, 1000, 1500]);
    expect(overlap).toBe('warn');
    expect([0, 99.9, 100, 299, 300, 600, 1000, 1499, 1500, 5000].map((h) => starLevelOf(Math.round(h * 60), starHours))).toEqual([0, 0, 1, 1, 2, 3, 4, 4, 5, 5]);
    expect(hoursToNextLevel(250 * 60, starHours)).toBe(50);
    expect(hoursToNextLevel(1600 * 60, starHours)).toBeNull();
  });

  it('deployments set their own thresholds; nonsense is refused at start', () => {
    expect(volunteerConfigFrom({ VOLUNTEER_STAR_HOURS: '50, 150,300' }).starHours).toEqual([50, 150, 300]);
    expect(() => volunteerConfigFrom({ VOLUNTEER_STAR_HOURS: '300,100' })).toThrow(/ascending/);
    expect(() => volunteerConfigFrom({ VOLUNTEER_OVERLAP: 'maybe' })).toThrow(/VOLUNTEER_OVERLAP/);
  });
});

describe('certificate codes', () => {
  it('are 12 unambiguous characters and are accepted however they are typed', () => {
    const code = newCertificateCode();
    expect(code).toMatch(/^[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}$/);
    expect(normalizeCertificateCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
    expect(normalizeCertificateCode('ABCD-EFGH-IJKL')).toBeNull();
    expect(normalizeCertificateCode('short')).toBeNull();
  });
});
