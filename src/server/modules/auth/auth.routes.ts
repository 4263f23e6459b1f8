import { z } from 'zod';
import { Ok } from '../../../contracts/common';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { LoginBody, MeView, Preferences, SessionView } from './auth.schemas';
import type { AuthService } from './auth.service';

export function authRoutes(app: App, auth: AuthService, opts: { loginRateLimit: number }): void {
  const tags = ['auth'];
  app.post(
    '/auth/login',
    {
      schema: { tags, body: LoginBody, response: { 200: MeView } },
      config: { permission: 'public', idempotency: false, rateLimit: { max: opts.loginRateLimit, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const { token, expiresAt, me } = await auth.login(req.body.username, req.body.password, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        path: '/',
        expires: expiresAt,
      });
      return me;
    },
  );

  app.post('/auth/logout', { schema: { tags, response: { 200: Ok } }, config: { permission: 'public', idempotency: false } }, async (req, reply) => {
    if (req.actor) await auth.logout(req.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags, response: { 200: MeView } }, config: { permission: 'authenticated' } }, (req) => auth.me(actorOf(req)));

  app.patch('/me/preferences', { schema: { tags, body: Preferences, response: { 200: Preferences } }, config: { permission: 'authenticated' } },
    (req) => auth.setPreferences(actorOf(req), req.body));

  app.get('/me/sessions', { schema: { tags, response: { 200: z.array(SessionView) } }, config: { permission: 'authenticated' } },
    (req) => auth.sessions(actorOf(req)));

  app.delete('/me/sessions/:sessionId', {
    schema: { tags, params: z.strictObject({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) }), response: { 200: Ok } },
    config: { permission: 'authenticated' },
  }, async (req) => {
    await auth.revokeSession(actorOf(req), req.params.sessionId);
    return { ok: true as const };
  });

  app.post('/me/sessions/sign-out-everywhere', {
    schema: { tags, response: { 200: z.object({ revoked: z.number().int() }) } },
    config: { permission: 'authenticated', idempotency: false },
  }, async (req, reply) => {
    const revoked = await auth.signOutEverywhere(actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { revoked };
  });
}
