import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../auth/actor';
import type { RouteAccess } from '../auth/roles';
import type { Locale } from '../i18n';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller, or null. Routes that declare a permission can rely on it being set. */
    actor: Actor | null;
    locale: Locale;
    /** Set when a session cookie was sent but the session is over (to answer session_expired). */
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** Every route declares who may call it: a permission key, 'authenticated' or 'public'. */
    permission?: RouteAccess;
    /** Create endpoints honour Idempotency-Key unless this is false. */
    idempotency?: boolean;
    /** Open to a restricted session (one that must enroll MFA or change its password first). */
    allowRestricted?: boolean;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
