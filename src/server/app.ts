/**
 * buildApp(): the whole HTTP application on an open database, without listening — tests call it
 * and use `app.inject()`; main.ts calls it and listens.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { AppContext } from './context';
import { createAuditLog } from './platform/audit';
import { buildCatalog } from './platform/auth/roles';
import { createCrypto, resolveMasterKey, type Crypto } from './platform/crypto';
import type { Database } from './platform/db/client';
import { installAuth } from './platform/http/auth-plugin';
import { frameworkErrorHandler, installErrorHandling, type PageFallback } from './platform/http/error-handler';
import { installIdempotency } from './platform/http/idempotency';
import type { App } from './platform/http/types';
import { validatorCompiler } from './platform/http/validation';
import { createJobQueue, type JobQueue } from './platform/jobs';
import { createServices, jobDefinitions, policies, registerRoutes, type Services } from './modules';

export interface BuildAppOptions {
  config: Config;
  database: Database;
  crypto?: Crypto;
  logger?: FastifyServerOptions['logger'];
  /** Start the job workers and schedules (default: config.jobs). Tests leave them off and call handlers directly. */
  startJobs?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    services: Services;
    jobs: JobQueue;
    startJobs(): Promise<void>;
  }
}

/**
 * Structured logs without personal data: no query strings (they may hold a phone number), no bodies,
 * no cookies — and no SQL parameters in logged errors (a failed query's message lists them).
 */
export const redactedLogger = (level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] => ({
  level,
  ...(stream ? { stream } : {}),
  redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.idNumber', '*.phone'], censor: '[redacted]' },
  serializers: {
    req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    err: (err: Error) => redactError(err) as { type: string; message: string; stack: string },
  },
});

/** An error as logged: type, message and stack, minus the parameter list drizzle appends to a failed query. */
function redactError(err: unknown, depth = 0): Record<string, unknown> {
  const e = err as { name?: string; message?: unknown; stack?: unknown; code?: unknown; cause?: unknown };
  const strip = (text: unknown) => (typeof text === 'string' ? text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, '\nparams: [redacted]') : text);
  return {
    type: e?.name,
    message: strip(e?.message),
    stack: strip(e?.stack),
    ...(e?.code !== undefined ? { code: e.code } : {}),
    ...(e?.cause && depth < 3 ? { cause: redactError(e.cause, depth + 1) } : {}),
  };
}

export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger ?? redactedLogger(config.logLevel),
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimit,
    forceCloseConnections: 'idle',
    frameworkErrors: frameworkErrorHandler,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const crypto = opts.crypto ?? createCrypto(resolveMasterKey(config));
  const catalog = buildCatalog(policies);
  const jobs = createJobQueue(database, app.log);
  const ctx: AppContext = { config, database, db: database.db, crypto, audit: createAuditLog(database.db), jobs, log: app.log, catalog };
  const services = createServices(ctx);
  app.decorate('ctx', ctx);
  app.decorate('services', services);
  app.decorate('jobs', jobs);

  installErrorHandling(app, registerWeb(app, config));

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd renders its styles at run time (CSS-in-JS); scripts stay strict.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (req, context) => {
      const err = Object.assign(new Error('rate limited'), { statusCode: 429, code: 'FST_ERR_RATE_LIMIT_EXCEEDED', ttl: context.ttl });
      return err;
    },
  });
  installAuth(app, {
    db: database.db,
    policy: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours, mfaRequired: config.mfaRequired, adminPasswordMaxAgeDays: config.adminPasswordMaxAgeDays },
    allowedOrigins: config.allowedOrigins,
  });
  installIdempotency(app, database.db);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tongxin 同心 API', version: config.version, description: 'The API of the community party–resident service platform.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tongxin_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list', deepLinking: false }, uiHooks: {} });

  await app.register(
    async (api) => {
      registerRoutes(api as unknown as App, ctx, services);
    },
    { prefix: '/api/v1' },
  );

  // Workers start after the server listens (main.ts calls startJobs), so they never delay readiness.
  app.decorate('startJobs', async () => {
    if (opts.startJobs ?? config.jobs) await jobs.start(jobDefinitions(ctx, services));
  });
  app.addHook('onClose', async () => {
    await jobs.stop();
  });

  return app as unknown as App;
}

/** The built web apps: admin at /, resident H5 at /m/. Hashed assets cache for a year; HTML never. */
function registerWeb(app: ReturnType<typeof Fastify>, config: Config): PageFallback | undefined {
  const root = config.webDir;
  if (!existsSync(path.join(root, 'index.html'))) return undefined;
  app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: 'index.html',
    wildcard: true,
    setHeaders(res: FastifyReply, filePath: string) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('Cache-Control', 'public, max-age=31536000, immutable');
      else res.header('Cache-Control', 'no-cache');
    },
  });
  return (req, reply) => {
    const pathname = req.url.split('?')[0]!;
    const isPage = req.method === 'GET' && !pathname.startsWith('/api/') && !pathname.startsWith('/assets/') && !path.extname(pathname);
    if (!isPage) return false;
    reply.header('Cache-Control', 'no-cache');
    void reply.sendFile(pathname === '/m' || pathname.startsWith('/m/') ? 'm/index.html' : 'index.html');
    return true;
  };
}
