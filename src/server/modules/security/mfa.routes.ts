import { IdParams, Ok } from '../../../contracts/common';
import { setSessionCookie } from '../../platform/auth/cookie';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import type { MfaService } from './mfa.service';
import { MfaEnrollmentView, MfaStatusView, RecoveryCodesView, TotpCodeBody } from './security.schemas';

export function mfaRoutes(app: App, mfa: MfaService): void {
  const tags = ['security'];
  // A session that must enroll first may use exactly these (allowRestricted).
  const own = { permission: 'authenticated', allowRestricted: true, idempotency: false } as const;

  app.get('/me/mfa', { schema: { tags, response: { 200: MfaStatusView } }, config: own }, (req) => mfa.status(actorOf(req)));

  app.post('/me/mfa/enrollment', { schema: { tags, response: { 200: MfaEnrollmentView } }, config: own }, (req) => mfa.startEnrollment(actorOf(req)));

  app.post('/me/mfa/enrollment/confirm', { schema: { tags, body: TotpCodeBody, response: { 200: RecoveryCodesView } }, config: own }, async (req, reply) => {
    const { recoveryCodes, session } = await mfa.confirmEnrollment(actorOf(req), req.body.code);
    setSessionCookie(req, reply, session);
    return { recoveryCodes };
  });

  app.post('/me/mfa/recovery-codes', { schema: { tags, body: TotpCodeBody, response: { 200: RecoveryCodesView } }, config: { permission: 'authenticated', idempotency: false } },
    (req) => mfa.regenerateRecoveryCodes(actorOf(req), req.body.code));

  app.post('/me/mfa/disable', { schema: { tags, body: TotpCodeBody, response: { 200: Ok } }, config: { permission: 'authenticated', idempotency: false } }, async (req) => {
    await mfa.disable(actorOf(req), req.body.code);
    return { ok: true as const };
  });

  app.post('/security/accounts/:id/mfa/reset', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { permission: 'mfa.reset', idempotency: false } }, async (req) => {
    await mfa.reset(actorOf(req), req.params.id);
    return { ok: true as const };
  });
}
