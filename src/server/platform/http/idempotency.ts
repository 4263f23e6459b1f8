/**
 * Idempotency-Key for create endpoints (phones on bad networks retry). The first request with a
 * key claims it (`in_flight`); its response is stored when sent. A retry with the same key and
 * body gets the stored response again (no second row); with another body, 422
 * idempotency_mismatch; while the first is still running, 409 idempotency_in_flight.
 * 5xx responses are not stored, so the client may retry. A claim left by a crashed process is
 * taken over after STALE_MS.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { canonicalJson } from '../audit';
import type { Db } from '../db/client';
import { idempotencyKey } from '../db/tables/platform';
import { AppError } from '../errors';

const TTL_MS = 24 * 3_600_000;
const STALE_MS = 60_000;
const KEY_RE = /^[\x21-\x7e]{1,200}$/;

interface Claim {
  owner: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: Claim | null;
  }
}

export function installIdempotency(app: FastifyInstance, db: Db): void {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'POST' || req.routeOptions.config?.idempotency === false) return;
    const header = req.headers['idempotency-key'];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !KEY_RE.test(key)) {
      throw new AppError('validation_failed', [{ field: 'headers.idempotency-key', code: 'idempotency_key_format', message: 'Idempotency-Key' }]);
    }
    const owner = req.actor?.accountId ?? 'anonymous';
    const route = `${req.method} ${req.url.split('?')[0]}`;
    const bodyHash = createHash('sha256').update(canonicalJson(req.body ?? null)).digest('hex');
    const now = new Date();

    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await db
        .insert(idempotencyKey)
        .values({ owner, key, route, bodyHash, state: 'in_flight', createdAt: now, expiresAt: new Date(now.getTime() + TTL_MS) })
        .onConflictDoNothing()
        .returning({ key: idempotencyKey.key });
      if (inserted.length === 1) {
        req.idempotencyClaim = { owner, key };
        return;
      }
      const [existing] = await db
        .select()
        .from(idempotencyKey)
        .where(and(eq(idempotencyKey.owner, owner), eq(idempotencyKey.key, key)));
      if (!existing) continue; // released meanwhile: claim again
      const expired = existing.expiresAt.getTime() <= now.getTime();
      const abandoned = existing.state === 'in_flight' && now.getTime() - existing.createdAt.getTime() > STALE_MS;
      if (expired || abandoned) {
        await db.delete(idempotencyKey).where(and(eq(idempotencyKey.owner, owner), eq(idempotencyKey.key, key)));
        continue;
      }
      if (existing.route !== route || existing.bodyHash !== bodyHash) throw new AppError('idempotency_mismatch');
      if (existing.state === 'in_flight') throw new AppError('idempotency_in_flight');
      reply.header('Idempotent-Replayed', 'true');
      reply.status(existing.responseStatus ?? 200);
      if (existing.responseType) reply.type(existing.responseType);
      return reply.send(existing.responseBody ?? '');
    }
    throw new AppError('idempotency_in_flight');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotencyClaim;
    if (!claim) return payload;
    req.idempotencyClaim = null;
    const where = and(eq(idempotencyKey.owner, claim.owner), eq(idempotencyKey.key, claim.key));
    if (reply.statusCode >= 500 || (typeof payload !== 'string' && payload !== null && payload !== undefined && !Buffer.isBuffer(payload))) {
      await db.delete(idempotencyKey).where(where);
      return payload;
    }
    const body = payload === null || payload === undefined ? '' : payload.toString();
    const type = reply.getHeader('content-type');
    await db
      .update(idempotencyKey)
      .set({ state: 'done', responseStatus: reply.statusCode, responseBody: body, responseType: typeof type === 'string' ? type : null })
      .where(where);
    return payload;
  });

  // A request that died before sending (client gone, crash inside a hook) releases its claim.
  app.addHook('onResponse', async (req) => {
    const claim = req.idempotencyClaim;
    if (!claim) return;
    req.idempotencyClaim = null;
    await db.delete(idempotencyKey).where(and(eq(idempotencyKey.owner, claim.owner), eq(idempotencyKey.key, claim.key)));
  });
}
