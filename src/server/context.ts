import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import type { AuditLog } from './platform/audit';
import type { PolicyCatalog } from './platform/auth/roles';
import type { Crypto } from './platform/crypto';
import type { Database, Db } from './platform/db/client';
import type { JobQueue } from './platform/jobs';

/** What every module's service is built from. Created once per app instance. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  crypto: Crypto;
  audit: AuditLog;
  jobs: JobQueue;
  log: FastifyBaseLogger;
  catalog: PolicyCatalog;
}
