import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCrypto, maskIdNumber, maskName, maskPhone, resolveMasterKey } from './crypto';

const crypto = createCrypto(Buffer.alloc(32, 1));

describe('personal data encryption', () => {
  it('round-trips and never yields the same ciphertext twice', () => {
    const a = crypto.encrypt('410105199001011234');
    const b = crypto.encrypt('410105199001011234');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1:')).toBe(true);
    expect(crypto.decrypt(a)).toBe('410105199001011234');
  });

  it('refuses a tampered ciphertext (GCM authentication)', () => {
    const sealed = crypto.encrypt('13812341234');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => crypto.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('refuses ciphertext made with another key', () => {
    const other = createCrypto(Buffer.alloc(32, 2));
    expect(() => other.decrypt(crypto.encrypt('x'))).toThrow();
  });

  it('blind index is deterministic per kind, case- and space-insensitive, and keyed', () => {
    expect(crypto.blindIndex('id', '41010519900101123x')).toBe(crypto.blindIndex('id', ' 41010519900101123X '));
    expect(crypto.blindIndex('id', '1')).not.toBe(crypto.blindIndex('phone', '1'));
    expect(createCrypto(Buffer.alloc(32, 3)).blindIndex('id', '1')).not.toBe(crypto.blindIndex('id', '1'));
  });
});

describe('masking', () => {
  it('masks phones, ID numbers and names as the product shows them', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0379-63912345')).toBe('0379*****2345');
    expect(maskIdNumber('410105199001011234')).toBe('410***********1234');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张小三')).toBe('张*三');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('master key', () => {
  it('demo mode generates one key file with mode 0600 and reuses it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tx-key-'));
    const k1 = resolveMasterKey({ secretKey: undefined, production: false, dataDir: dir });
    const k2 = resolveMasterKey({ secretKey: undefined, production: false, dataDir: dir });
    expect(k1.equals(k2)).toBe(true);
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8').trim()).toHaveLength(44);
  });

  it('production refuses to start without TONGXIN_SECRET_KEY', () => {
    expect(() => resolveMasterKey({ secretKey: undefined, production: true, dataDir: '/tmp' })).toThrow(/TONGXIN_SECRET_KEY/);
  });

  it('accepts 64 hex digits or 32 bytes of base64, nothing else', () => {
    expect(resolveMasterKey({ secretKey: 'ab'.repeat(32), production: true, dataDir: '/tmp' })).toHaveLength(32);
    expect(resolveMasterKey({ secretKey: Buffer.alloc(32, 9).toString('base64'), production: true, dataDir: '/tmp' })).toHaveLength(32);
    expect(() => resolveMasterKey({ secretKey: 'too-short', production: true, dataDir: '/tmp' })).toThrow();
  });
});
