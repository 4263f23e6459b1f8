/** Excel in and out: the template, the import (multipart, dry run or apply) and the streamed export. */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import type { PlacesService } from './places.service';
import { MAX_IMPORT_BYTES } from './residents.import';
import { ExportQuery, ImportQuery, ImportReportView } from './residents.schemas';
import { buildTemplate } from './residents.xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The one file part, read into memory (bounded at 20 MB by the multipart limit). */
async function fileBytes(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', [{ field: 'file', code: 'multipart_required', message: 'multipart_required' }]);
  const part = await req.file();
  if (!part) throw new AppError('validation_failed', [{ field: 'file', code: 'import_file_required', message: 'import_file_required' }]);
  try {
    return await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', [{ field: 'file', code: 'import_file_too_large', message: 'import_file_too_large' }]);
    throw err;
  }
}

export function residentsIoRoutes(app: App, places: PlacesService): void {
  const tags = ['places'];

  app.get('/residents/import-template', { schema: { tags }, config: { permission: 'resident.import' } }, async (_req, reply) =>
    reply.type(XLSX).header('Content-Disposition', attachment('居民信息导入模板.xlsx')).send(await buildTemplate()));

  app.get('/residents/export', { schema: { tags, querystring: ExportQuery }, config: { permission: 'resident.export' } }, async (req, reply) => {
    const { filename, stream } = await places.exports.start(actorOf(req), req.query);
    return reply.type(XLSX).header('Content-Disposition', attachment(filename)).send(stream);
  });

  // Multipart is accepted in this scope only, with the import's own size limit.
  app.register(async (instance) => {
    const scope = instance as unknown as App;
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2, parts: 3 }, throwFileSizeLimit: true });
    scope.post(
      '/residents/import',
      { schema: { tags, querystring: ImportQuery, response: { 200: ImportReportView }, consumes: ['multipart/form-data'] }, config: { permission: 'resident.import', idempotency: false } },
      async (req) => places.imports.run(actorOf(req), { communityId: req.query.communityId, dryRun: req.query.dryRun, file: await fileBytes(req), locale: req.locale }),
    );
  });
}
