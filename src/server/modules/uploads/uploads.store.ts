/**
 * Where upload bytes live. One small interface, so that the local directory (default) and an
 * S3-compatible object store are interchangeable: keys are content hashes, objects are immutable,
 * and `put` of an existing key is a no-op. See docs/uploads.md for what an S3 driver needs.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredObject {
  stream: Readable;
  bytes: number;
}

export interface UploadStore {
  readonly name: string;
  /** Stores immutable bytes under `key` (a lower-case hex SHA-256 plus extension). Idempotent. */
  put(key: string, bytes: Buffer, mime: string): Promise<void>;
  /** The object, or null when it is not there. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; absent objects are not an error. */
  delete(key: string): Promise<void>;
}

const KEY_RE = /^[0-9a-f]{64}\.(jpg|png|webp)$/;

function assertKey(key: string): void {
  // Keys come from our own hashes; refusing anything else rules out path tricks for good.
  if (!KEY_RE.test(key)) throw new Error(`invalid upload key ${key}`);
}

/** Files under `dir/ab/cd/<sha256>.<ext>`: two levels of fan-out keep directories small. */
export function createLocalUploadStore(dir: string): UploadStore {
  const fileOf = (key: string) => {
    assertKey(key);
    return path.join(dir, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    name: 'local',
    async put(key, bytes) {
      const file = fileOf(key);
      try {
        await stat(file);
        return;
      } catch {
        // not there yet
      }
      await mkdir(path.dirname(file), { recursive: true });
      // Write beside, then rename: a reader never sees half a file, and a crash leaves only a temp file.
      // A name of its own: two requests storing the same photo at once must not share a temp file.
      const tmp = `${file}.${randomUUID()}.tmp`;
      await writeFile(tmp, bytes, { mode: 0o640 });
      await rename(tmp, file);
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const info = await stat(file);
        return { stream: createReadStream(file), bytes: info.size };
      } catch {
        return null;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
