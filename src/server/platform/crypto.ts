/**
 * Personal data at rest: AES-256-GCM for the value, a keyed HMAC ("blind index") for exact search,
 * and masking for display. Two sub-keys are derived from the one master key with HKDF so that the
 * index key never encrypts and the encryption key never indexes.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const VERSION = 'v1';

export interface Crypto {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash of a normalized value, for exact-match lookups. */
  blindIndex(kind: string, value: string): string;
  /** Random token (URL-safe). */
  token(bytes?: number): string;
}

function parseKey(material: string): Buffer {
  const trimmed = material.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const b64 = Buffer.from(trimmed, 'base64');
  if (b64.length === 32) return b64;
  throw new Error('TONGXIN_SECRET_KEY must be 32 bytes, written as 64 hex digits or base64 (openssl rand -base64 32).');
}

/** Reads the key from config, or in demo mode creates one (0600) inside the data directory. */
export function resolveMasterKey(opts: { secretKey: string | undefined; production: boolean; dataDir: string }): Buffer {
  if (opts.secretKey) return parseKey(opts.secretKey);
  if (opts.production) {
    throw new Error('TONGXIN_SECRET_KEY is required in production (32 bytes, e.g. `openssl rand -base64 32`).');
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'secret.key');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return parseKey(readFileSync(file, 'utf8'));
}

export function createCrypto(masterKey: Buffer): Crypto {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  const encKey = derive('tongxin/encryption/v1');
  const indexKey = derive('tongxin/blind-index/v1');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      const [version, payload] = sealed.split(':');
      if (version !== VERSION || !payload) throw new Error('Unknown ciphertext format');
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(kind, value) {
      return createHmac('sha256', indexKey).update(`${kind}\u0000${value.trim().toUpperCase()}`).digest('base64url');
    },
    token(bytes = 32) {
      return randomBytes(bytes).toString('base64url');
    },
  };
}

// ---- masking -------------------------------------------------------------------------------

/** `13812341234` → `138****1234`; landlines keep area code and the last 4. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.replace(/\s/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  if (digits.length === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  const keepHead = Math.min(4, Math.max(0, digits.length - 8));
  return digits.slice(0, keepHead) + '*'.repeat(digits.length - keepHead - 4) + digits.slice(-4);
}

/** `410105199001011234` → `410***********1234`. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** `张三` → `张*`, `张小三` → `张*三`, `欧阳小明` → `欧**明`; Latin names keep the first letter. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  const chars = [...name];
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
