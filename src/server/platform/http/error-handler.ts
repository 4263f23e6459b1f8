/**
 * The one error shape: `{ error: { code, message, details? } }` with `message` in the caller's
 * language. Everything that can go wrong in a request ends here and is mapped to a code; only a
 * genuine bug yields 500, and then without stack, SQL or internals in the response.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCatalog, errorMessage, type ErrorCode, type FieldIssue } from '../errors';
import { negotiateLocale, type Locale } from '../i18n';
import { fieldMessages, localizeIssues, RequestValidationError } from './validation';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(code: ErrorCode, locale: Locale, details?: unknown): ErrorBody {
  return { error: { code, message: errorMessage(code, locale), ...(details === undefined ? {} : { details }) } };
}

/** PostgreSQL / driver failures that mean "the database is not reachable right now". */
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08003', '08006', '08001', '08004']);
const unavailableErrnos = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

function rootCauses(err: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  let cur: unknown = err;
  for (let i = 0; i < 6 && cur && typeof cur === 'object'; i++) {
    out.push(cur as Record<string, unknown>);
    cur = (cur as { cause?: unknown }).cause;
  }
  return out;
}

/** Field details thrown by services (`{ field, code }`) get their message in the caller's language. */
function localizeDetails(details: unknown, locale: Locale): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d) => {
    if (!d || typeof d !== 'object' || typeof (d as FieldIssue).code !== 'string') return d;
    const known = fieldMessages[(d as FieldIssue).code];
    return known ? { ...d, message: known[locale] } : d;
  });
}

/** Maps any thrown value to a code (+ details). */
export function classify(err: unknown, locale: Locale): { code: ErrorCode; details?: unknown; retryAfter?: number } {
  if (err instanceof AppError) return { code: err.code, details: localizeDetails(err.details, locale) };
  if (err instanceof RequestValidationError) return { code: 'validation_failed', details: localizeIssues(err.issues, undefined, locale) };
  const fe = err as FastifyError;
  if (fe && typeof fe === 'object') {
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return { code: 'payload_too_large' };
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return { code: fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : 'validation_failed' };
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return { code: 'validation_failed', details: [{ field: 'body', code: 'invalid_json', message: locale === 'zh-CN' ? '请求体不是有效的 JSON' : 'The body is not valid JSON' } satisfies FieldIssue] };
      case 'FST_ERR_RATE_LIMIT_EXCEEDED':
        return { code: 'rate_limited' };
      case 'FST_ERR_NOT_FOUND':
        return { code: 'not_found' };
    }
    if (fe.statusCode === 429) return { code: 'rate_limited' };
    if (fe.statusCode === 413) return { code: 'payload_too_large' };
    if (fe.statusCode === 415) return { code: 'unsupported_media_type' };
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      if (fe.statusCode === 401) return { code: 'unauthenticated' };
      if (fe.statusCode === 403) return { code: 'forbidden' };
      if (fe.statusCode === 404) return { code: 'not_found' };
      if (fe.statusCode === 405) return { code: 'method_not_allowed' };
      return { code: 'validation_failed', details: [{ field: 'request', code: String(fe.code ?? 'bad_request').toLowerCase(), message: errorMessage('validation_failed', locale) }] };
    }
  }
  for (const c of rootCauses(err)) {
    const state = typeof c.code === 'string' ? c.code : '';
    if (unavailableSqlStates.has(state) || unavailableErrnos.has(state)) return { code: 'service_unavailable', retryAfter: 5 };
    const msg = typeof c.message === 'string' ? c.message : '';
    if (/Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i.test(msg)) {
      return { code: 'service_unavailable', retryAfter: 5 };
    }
    if (state === '23505') return { code: 'already_exists' };
    if (state === '23P01') return { code: 'conflict' };
    if (state === '40001' || state === '40P01') return { code: 'conflict', retryAfter: 1 };
    // 22021/22P05: text PostgreSQL cannot store (a NUL character, an invalid byte sequence) is bad input, not a bug.
    if (state === '22P02' || state === '22007' || state === '22008' || state === '22003' || state === '22001' || state === '22021' || state === '22P05') return { code: 'validation_failed' };
  }
  return { code: 'internal_error' };
}

/** Serves a web page for a GET that matched no route (SPA fallback); returns false when it is not a page. */
export type PageFallback = (req: FastifyRequest, reply: FastifyReply) => boolean;

export function installErrorHandling(app: FastifyInstance, pageFallback?: PageFallback): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const locale = req.locale ?? negotiateLocale(req.headers['accept-language']);
    let { code, details, retryAfter } = classify(err, locale);
    const fe = err as { validationContext?: string };
    if (err instanceof RequestValidationError && fe.validationContext) {
      details = localizeIssues(err.issues, fe.validationContext, locale);
    }
    const status = errorCatalog[code].status;
    if (status >= 500) req.log.error({ err, code }, 'request failed');
    else req.log.info({ code }, 'request refused');
    if (retryAfter) reply.header('Retry-After', String(retryAfter));
    return reply.status(status).type('application/json; charset=utf-8').send(errorBody(code, locale, details));
  });

  app.setNotFoundHandler((req, reply) => {
    if (pageFallback?.(req, reply)) return reply;
    const locale = req.locale ?? negotiateLocale(req.headers['accept-language']);
    return reply.status(404).type('application/json; charset=utf-8').send(errorBody('not_found', locale));
  });
}

/**
 * Errors fastify raises before any hook runs (a URL that cannot be decoded, a malformed
 * content-type): answered in the one error shape, with the headers helmet would have set.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const locale = negotiateLocale(req.headers['accept-language']);
  const code: ErrorCode = err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : 'validation_failed';
  req.log.info({ code, fastifyCode: err.code }, 'request refused before routing');
  void reply
    .status(errorCatalog[code].status)
    .headers({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cache-control': 'no-store',
    })
    .type('application/json; charset=utf-8')
    .send(errorBody(code, locale));
}

