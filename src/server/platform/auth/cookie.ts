/** The session cookie, set in one place: httpOnly, SameSite=Lax, Secure over https, expiring with the session. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './sessions';

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, session: { token: string; expiresAt: Date }): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
