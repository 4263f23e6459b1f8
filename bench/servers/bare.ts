/**
 * Bench baseline: bare fastify + the database driver, answering GET /api/v1/me with the same two
 * queries the full stack runs (session → account → grants in one statement, then the account
 * row) — no validation, no hooks, no audit, no serializer schema.
 */
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/server/config';
import { openDatabase, rows } from '../../src/server/platform/db/client';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const app = Fastify({ logger: false });
app.get('/api/v1/me', async (req, reply) => {
  const token = /tongxin_sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!token) return reply.status(401).send({ error: 'unauthenticated' });
  const id = createHash('sha256').update(token).digest('hex');
  const [s] = await rows<{ account_id: string; grants: unknown }>(
    database.db,
    sql`SELECT s.account_id, COALESCE((SELECT json_agg(json_build_object('role', ra.role_key, 'orgId', o.id, 'orgName', o.name, 'orgKind', o.kind, 'path', o.path, 'communityId', o.community_id,
               'permissions', (SELECT array_agg(rp.permission_key) FROM role_permission rp WHERE rp.role_key = ra.role_key)) ORDER BY ra.created_at)
             FROM role_assignment ra JOIN org_node o ON o.id = ra.org_id WHERE ra.account_id = a.id), '[]'::json) AS grants
          FROM session s JOIN account a ON a.id = s.account_id WHERE s.id = ${id}`,
  );
  if (!s) return reply.status(401).send({ error: 'unauthenticated' });
  const [a] = await rows<Record<string, unknown>>(database.db, sql`SELECT id, username, display_name, resident_id, preferences FROM account WHERE id = ${s.account_id}`);
  return { ...a, roles: s.grants };
});
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
