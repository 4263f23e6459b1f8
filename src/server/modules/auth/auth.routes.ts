import { z } from 'zod';
import { Ok } from '../../../contracts/common';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/cookie';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { ChangePasswordBody, LoginBody, LoginResult, MeView, MfaLoginBody, Preferences, SessionView } from './auth.schemas';
import type { AuthService } from './auth.service';

export function authRoutes(app: App, auth: AuthService, opts: { loginRateLimit: number }): void {
  const tags = ['auth'];
  const meta = (req: { ip: string; id: string; headers: Record<string, unknown>; actor: { sessionId: string | null } | null }) => ({
    ip: req.ip,
    userAgent: (req.headers['user-agent'] as string | undefined) ?? null,
    requestId: req.id,
    previousSessionId: req.actor?.sessionId ?? null,
  });
  const signInLimit = { max: opts.loginRateLimit, timeWindow: 60_000 };

  app.post(
    '/auth/login',
    {
      schema: { tags, body: LoginBody, response: { 200: LoginResult } },
      config: { permission: 'public', idempotency: false, rateLimit: signInLimit },
    },
    async (req, reply) => {
      const outcome = await auth.login(req.body.username, req.body.password, meta(req));
      if (outcome.kind === 'mfa') return { mfaRequired: true as const, challenge: outcome.challenge, expiresAt: outcome.expiresAt };
      setSessionCookie(req, reply, outcome);
      return outcome.me;
    },
  );

  app.post(
    '/auth/login/mfa',
    {
      schema: { tags, body: MfaLoginBody, response: { 200: MeView } },
      config: { permission: 'public', idempotency: false, rateLimit: signInLimit },
    },
    async (req, reply) => {
      const session = await auth.verifyMfa(req.body.challenge, req.body.code, meta(req));
      setSessionCookie(req, reply, session);
      return session.me;
    },
  );

  app.post('/auth/logout', { schema: { tags, response: { 200: Ok } }, config: { permission: 'public', idempotency: false } }, async (req, reply) => {
    if (req.actor) await auth.logout(req.actor);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags, response: { 200: MeView } }, config: { permission: 'authenticated', allowRestricted: true } }, (req) => auth.me(actorOf(req)));

  app.post(
    '/me/password',
    { schema: { tags, body: ChangePasswordBody, response: { 200: MeView } }, config: { permission: 'authenticated', allowRestricted: true, idempotency: false } },
    async (req, reply) => {
      const session = await auth.changePassword(actorOf(req), req.body);
      setSessionCookie(req, reply, session);
      return session.me;
    },
  );

  app.patch('/me/preferences', { schema: { tags, body: Preferences, response: { 200: Preferences } }, config: { permission: 'authenticated', allowRestricted: true } },
    (req) => auth.setPreferences(actorOf(req), req.body));

  app.get('/me/sessions', { schema: { tags, response: { 200: z.array(SessionView) } }, config: { permission: 'authenticated', allowRestricted: true } },
    (req) => auth.sessions(actorOf(req)));

  app.delete('/me/sessions/:sessionId', {
    schema: { tags, params: z.strictObject({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) }), response: { 200: Ok } },
    config: { permission: 'authenticated', allowRestricted: true },
  }, async (req) => {
    await auth.revokeSession(actorOf(req), req.params.sessionId);
    return { ok: true as const };
  });

  app.post('/me/sessions/sign-out-everywhere', {
    schema: { tags, response: { 200: z.object({ revoked: z.number().int() }) } },
    config: { permission: 'authenticated', idempotency: false, allowRestricted: true },
  }, async (req, reply) => {
    const revoked = await auth.signOutEverywhere(actorOf(req));
    clearSessionCookie(reply);
    return { revoked };
  });
}
