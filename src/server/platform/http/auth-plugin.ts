/**
 * Per request: negotiate the locale, resolve the session cookie (or bearer token) into an Actor,
 * refuse cross-site state changes (Origin check on top of SameSite=Lax), and enforce the route's
 * declared permission. Routes without a declaration are refused at registration time.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Actor } from '../auth/actor';
import type { RouteAccess } from '../auth/roles';
import { loadSession, SESSION_COOKIE, type SessionPolicy } from '../auth/sessions';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { negotiateLocale } from '../i18n';

export interface RouteRecord {
  method: string;
  url: string;
  permission: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route with its declared access (walked by the permission test). */
    routeTable: RouteRecord[];
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Host of a URL or host header with default ports dropped ("localhost:80" → "localhost"). */
function normalHost(value: string, scheme = 'http'): string | null {
  try {
    return new URL(value.includes('://') ? value : `${scheme}://${value}`).host;
  } catch {
    return null;
  }
}

/**
 * Cross-site request check for state changes: a browser always sends Origin on cross-site
 * POST/PUT/PATCH/DELETE; when present it must be this host or an allowed origin. Requests without
 * Origin (curl, server-to-server) carry no ambient cookie risk and pass.
 */
function sameOrigin(req: FastifyRequest, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  if (allowed.includes(origin)) return true;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  const scheme = origin.startsWith('https:') ? 'https' : 'http';
  const own = typeof host === 'string' ? normalHost(host, scheme) : null;
  return own !== null && normalHost(origin) === own;
}

function tokenOf(req: FastifyRequest): string | undefined {
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (cookie) return cookie;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
  return undefined;
}

export interface AuthPluginOptions {
  db: Db;
  policy: SessionPolicy;
  allowedOrigins: string[];
}

export function installAuth(app: FastifyInstance, opts: AuthPluginOptions): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('sessionExpired', false);

  const routes: RouteRecord[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const permission = route.config?.permission;
    routes.push({ method: String(route.method), url, permission });
    if (url.startsWith('/api/v1') && !permission) {
      throw new Error(`Route ${route.method} ${url} does not declare config.permission`);
    }
  });

  app.addHook('onRequest', async (req) => {
    req.locale = negotiateLocale(req.headers['accept-language']);
    if (!req.url.startsWith('/api/')) return;

    if (unsafeMethods.has(req.method) && !sameOrigin(req, opts.allowedOrigins)) throw new AppError('csrf_rejected');

    const token = tokenOf(req);
    if (!token) return;
    const found = await loadSession(opts.db, token, opts.policy);
    if (found.state === 'active') {
      const actor: Actor = { ...found.actor, ip: req.ip, requestId: req.id };
      req.actor = actor;
    } else if (found.state === 'expired') {
      req.sessionExpired = true;
    }
  });

  // Before validation: a caller who may not use the route learns nothing about its schema.
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.permission;
    if (!access || access === 'public') return;
    if (!req.actor) throw new AppError(req.sessionExpired ? 'session_expired' : 'unauthenticated');
    // A session that must enroll MFA or change an expired password can do only that.
    if (req.actor.restriction && !req.routeOptions.config?.allowRestricted) {
      throw new AppError(req.actor.restriction === 'mfa_enrollment' ? 'mfa_enrollment_required' : 'password_expired');
    }
    if (access === 'authenticated') return;
    if (!can(req.actor, access)) throw new AppError('forbidden');
  });
}

/** The signed-in caller; only for routes whose permission guarantees one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}
