/**
 * Photos: accepted only as JPEG/PNG/WebP judged by their bytes, re-encoded without metadata, stored
 * once per content hash, and readable by their owner and by staff of their community. Other
 * modules attach uploads to their records by id and check them with `assertUsable` in their own
 * transaction; they serve them with `openChecked` after checking access to their record.
 */
import path from 'node:path';
import type { AppContext } from '../../context';
import { explicitCommunityIds, pathInScope } from '../../platform/scope';
import type { Actor } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { cleanImage, extensionOf, type ImageMime } from './uploads.image';
import { uploadsRepository as repo, type UploadRow } from './uploads.repository';
import type { UploadView } from './uploads.schemas';
import { createLocalUploadStore, type StoredObject, type UploadStore } from './uploads.store';

export const storageKey = (row: Pick<UploadRow, 'sha256' | 'mime'>): string => `${row.sha256}.${extensionOf[row.mime as ImageMime]}`;

export const toUploadView = (row: UploadRow): UploadView => ({
  id: row.id,
  communityId: row.communityId,
  mime: row.mime,
  bytes: row.bytes,
  width: row.width,
  height: row.height,
  url: `/api/v1/uploads/${row.id}`,
  createdAt: row.createdAt,
});

const communityRequired = () => new AppError('validation_failed', [{ field: 'querystring.communityId', code: 'community_required', message: 'community_required' }]);

export interface OpenedUpload {
  upload: UploadRow;
  object: StoredObject;
}

export function createUploadsService(ctx: AppContext, deps: { store?: UploadStore } = {}) {
  const { db, audit } = ctx;
  const store = deps.store ?? createLocalUploadStore(path.join(ctx.config.dataDir, 'uploads'));

  /** The community an upload is filed under: the one asked for (if in scope), else the caller's only one. */
  async function communityFor(actor: Actor, requested: string | undefined): Promise<string> {
    if (requested) {
      const node = await repo.community(db, requested);
      if (!node || node.kind !== 'community' || !pathInScope(actor, 'upload.create', node.path)) throw new AppError('not_found');
      return node.id;
    }
    const ids = explicitCommunityIds(actor, 'upload.create');
    if (!ids || ids.length !== 1) throw communityRequired();
    return ids[0]!;
  }

  async function open(row: UploadRow): Promise<OpenedUpload> {
    const object = await store.get(storageKey(row));
    // The row exists but the bytes are gone (restored database without the files): say so plainly.
    if (!object) throw new AppError('not_found');
    return { upload: row, object };
  }

  return {
    store,

    async create(actor: Actor, input: { bytes: Buffer; communityId?: string }): Promise<UploadView> {
      if (!actor.accountId) throw new AppError('forbidden');
      const communityId = await communityFor(actor, input.communityId);
      const image = await cleanImage(input.bytes);
      // Bytes first: a row never points at nothing. A crash in between leaves an unreferenced file, reused on retry.
      await store.put(`${image.sha256}.${extensionOf[image.mime]}`, image.data, image.mime);
      return db.transaction(async (tx) => {
        const { row, created } = await repo.insertOrGet(tx, {
          communityId,
          ownerAccountId: actor.accountId!,
          sha256: image.sha256,
          mime: image.mime,
          bytes: image.data.length,
          width: image.width,
          height: image.height,
        });
        if (created) {
          await audit.record(tx, actor, { action: 'upload.create', entity: 'upload', entityId: row.id, communityId, changes: { mime: row.mime, bytes: row.bytes, width: row.width, height: row.height } });
        }
        return toUploadView(row);
      });
    },

    /** The file, for its owner or staff reading photos of its community; anyone else: 404. */
    async open(actor: Actor, id: string): Promise<OpenedUpload> {
      const row = await repo.findReadable(db, actor, id);
      if (!row) throw new AppError('not_found');
      return open(row);
    },

    /**
     * For modules serving photos attached to their own records, after checking access to the
     * record: the upload must belong to the record's community.
     */
    async openChecked(id: string, communityId: string, q: Queryable = db): Promise<OpenedUpload> {
      const row = await repo.findInCommunity(q, id, communityId);
      if (!row) throw new AppError('not_found');
      return open(row);
    },

    /**
     * Inside another module's transaction: every id must be an upload of `communityId` that the
     * actor uploaded or may read; otherwise 404 (and the caller's transaction rolls back).
     */
    async assertUsable(tx: Queryable, actor: Actor, ids: readonly string[], communityId: string): Promise<void> {
      const unique = [...new Set(ids)];
      const usable = new Set(await repo.usableIds(tx, actor, unique, communityId));
      const missing = unique.filter((id) => !usable.has(id));
      if (missing.length) throw new AppError('not_found', [{ field: 'photoIds', code: 'upload_not_found', message: missing.join(',') }]);
    },
  };
}

export type UploadsService = ReturnType<typeof createUploadsService>;
