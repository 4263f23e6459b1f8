import { readFileSync } from 'node:fs';
import path from 'node:path';

export type DbKind = 'pglite' | 'postgres';

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** Embedded database, uploads and the generated demo key live here. */
  dataDir: string;
  databaseUrl: string | undefined;
  dbKind: DbKind;
  /** Demo mode: seeds the demo district and accepts the printed demo passwords. */
  demo: boolean;
  /** Base64/hex key material from TONGXIN_SECRET_KEY; undefined means "generate one in the data directory" (demo only). */
  secretKey: string | undefined;
  trustProxy: boolean;
  /** Origins allowed to make state-changing requests besides the server's own. */
  allowedOrigins: string[];
  webDir: string;
  version: string;
  logLevel: string;
  jobs: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Sign-in attempts per IP per minute. */
  loginRateLimit: number;
  /** Largest JSON body accepted, in bytes. */
  bodyLimit: number;
  /** MFA is mandatory for accounts that can reveal, export or administer (always in production). */
  mfaRequired: boolean;
  /** Admin passwords older than this many days must be changed before anything else (0 = never). */
  adminPasswordMaxAgeDays: number;
  /** Reveals / exports by one account within one clock hour above which the security admin is alerted. */
  alertRevealsPerHour: number;
  alertExportsPerHour: number;
}

const root = path.resolve(import.meta.dirname, '../..');

export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  const demo = argv.includes('--demo') || (!databaseUrl && !production) || env.TONGXIN_DEMO === '1';
  if (production && demo) throw new Error('Demo mode (demo accounts with a published password) cannot run with NODE_ENV=production.');
  return {
    production,
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || path.join(root, 'data')),
    databaseUrl,
    dbKind: databaseUrl ? 'postgres' : 'pglite',
    demo,
    secretKey: env.TONGXIN_SECRET_KEY || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    webDir: path.resolve(env.WEB_DIR || path.join(root, 'dist/web')),
    version: readVersion(),
    logLevel: env.LOG_LEVEL || 'info',
    jobs: env.TONGXIN_JOBS !== '0',
    sessionIdleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES'),
    sessionAbsoluteHours: intFrom(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS'),
    loginRateLimit: intFrom(env.LOGIN_RATE_LIMIT, 30, 'LOGIN_RATE_LIMIT'),
    bodyLimit: intFrom(env.BODY_LIMIT, 1_048_576, 'BODY_LIMIT'),
    mfaRequired: production || env.MFA_REQUIRED === '1',
    adminPasswordMaxAgeDays: intFrom(env.ADMIN_PASSWORD_MAX_AGE_DAYS, 0, 'ADMIN_PASSWORD_MAX_AGE_DAYS'),
    alertRevealsPerHour: intFrom(env.ALERT_REVEALS_PER_HOUR, 30, 'ALERT_REVEALS_PER_HOUR'),
    alertExportsPerHour: intFrom(env.ALERT_EXPORTS_PER_HOUR, 10, 'ALERT_EXPORTS_PER_HOUR'),
  };
}

export const projectRoot = root;
