import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLockedError } from './client';

describe('PGlite data directory lock', () => {
  it('a second holder is refused with a clear message; releasing frees it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tx-lock-'));
    const release = acquireDirLock(dir);
    // Same pid would be "us": simulate another live process by writing the parent's pid.
    writeFileSync(path.join(dir, 'tongxin.lock'), String(process.ppid));
    expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDirLock(dir)).toThrow(/in use by another Tongxin process/);
    release();
    expect(existsSync(path.join(dir, 'tongxin.lock'))).toBe(false);
    acquireDirLock(dir)();
  });

  it('takes over a stale lock whose owner is gone', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tx-lock-'));
    writeFileSync(path.join(dir, 'tongxin.lock'), '999999');
    const release = acquireDirLock(dir);
    release();
  });
});
