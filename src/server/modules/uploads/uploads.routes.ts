import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../../contracts/common';
import { AppError } from '../../platform/errors';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { MAX_UPLOAD_BYTES } from './uploads.image';
import { UploadQuery, UploadView } from './uploads.schemas';
import type { UploadsService } from './uploads.service';

/** The one file part of a multipart body, read into memory (bounded by the size limit). */
async function fileBytes(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', [{ field: 'file', code: 'multipart_required', message: 'multipart_required' }]);
  const part = await req.file();
  if (!part) throw new AppError('validation_failed', [{ field: 'file', code: 'file_required', message: 'file_required' }]);
  try {
    return await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('payload_too_large', [{ field: 'file', code: 'file_too_large', message: 'file_too_large' }]);
    }
    throw err;
  }
}

export function uploadsRoutes(app: App, uploads: UploadsService): void {
  const tags = ['uploads'];
  // Multipart parsing is registered in this scope only, so no other route accepts multipart by accident.
  app.register(async (instance) => {
    const scope = instance as unknown as App;
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5 }, throwFileSizeLimit: true });

    scope.post(
      '/uploads',
      {
        schema: { tags, querystring: UploadQuery, response: { 201: UploadView }, consumes: ['multipart/form-data'] },
        // Content-addressed: a retried upload of the same bytes returns the same row, no key needed.
        config: { permission: 'upload.create', idempotency: false },
      },
      async (req, reply) => reply.status(201).send(await uploads.create(actorOf(req), { bytes: await fileBytes(req), communityId: req.query.communityId })),
    );

    scope.get('/uploads/:id', { schema: { tags, params: IdParams }, config: { permission: 'authenticated' } }, async (req, reply) => {
      const { upload, object } = await uploads.open(actorOf(req), req.params.id);
      return reply
        .type(upload.mime)
        .header('Content-Length', String(object.bytes))
        .header('Content-Disposition', 'inline')
        .send(object.stream);
    });
  });
}
