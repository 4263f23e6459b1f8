/**
 * The one HTTP client of both web apps: same-origin cookies, JSON in and out, Accept-Language from
 * the current UI language, and every failure as an `ApiError` carrying the server's code, localized
 * message and field details. A 401 on anything but the sign-in itself hands control to the app's
 * unauthenticated handler (each app sends the user to its own login page).
 */
import i18n from './i18n';

export interface FieldIssue {
  field: string;
  code: string;
  message?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field issues of a validation error, keyed by field name without the `body.` prefix. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return (this.details as FieldIssue[])
      .filter((d) => d && typeof d.field === 'string')
      .map((d) => ({ ...d, field: d.field.replace(/^(body|query|querystring|params)\./, '') }));
  }
}

const unauthenticatedCodes = new Set(['unauthenticated', 'session_expired']);
let onUnauthenticated: ((error: ApiError) => void) | null = null;

/**
 * "This browser signed in and has not signed out": a non-secret marker next to the httpOnly session
 * cookie, so that a first visit goes straight to the login page instead of probing GET /me for a
 * 401. The cookie stays the only proof; a stale marker just costs that one 401.
 */
const hintKey = 'tongxin.signedIn';
export const sessionHint = {
  get(): boolean {
    try {
      return localStorage.getItem(hintKey) === '1';
    } catch {
      return true; // Without storage, ask the server.
    }
  },
  set(signedIn: boolean): void {
    try {
      if (signedIn) localStorage.setItem(hintKey, '1');
      else localStorage.removeItem(hintKey);
    } catch {
      // Private mode: nothing to remember.
    }
  },
};

/** The answer a request would get without a session, without sending it. */
export function notSignedIn(): ApiError {
  const error = new ApiError(401, 'unauthenticated', i18n.t('errors.signedOut'));
  onUnauthenticated?.(error);
  return error;
}

/** Each app decides where a signed-out user goes (admin: /login, resident: /m/login). */
export function setUnauthenticatedHandler(handler: (error: ApiError) => void): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not redirect on 401 (the sign-in call, and the first /me probe of a login page). */
  allowUnauthenticated?: boolean;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body?.error?.code) return new ApiError(res.status, body.error.code, body.error.message ?? body.error.code, body.error.details);
  } catch {
    // Not JSON (a proxy's error page): fall through to a generic error.
  }
  return new ApiError(res.status, res.status >= 500 ? 'service_unavailable' : 'http_error', i18n.t('errors.network'));
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language || 'zh-CN' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  if (!res.ok) {
    const error = await errorFrom(res);
    if (res.status === 401 && unauthenticatedCodes.has(error.code)) {
      sessionHint.set(false);
      if (!opts.allowUnauthenticated) onUnauthenticated?.(error);
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

export const isApiError = (err: unknown, code?: string): err is ApiError => err instanceof ApiError && (code === undefined || err.code === code);
