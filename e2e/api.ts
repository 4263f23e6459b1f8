/** Test data through the HTTP API (faster than clicking, and not what these tests are about). */
import { baseUrl, DEMO_PASSWORD } from './browser';

async function call<T>(method: string, path: string, cookie: string | null, body?: unknown): Promise<{ status: number; body: T; cookie: string | null }> {
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(cookie ? { Cookie: cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, body: (await res.json()) as T, cookie: setCookie ? setCookie.split(';')[0]! : null };
}

export async function apiSignIn(username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await call('POST', '/auth/login', null, { username, password });
  if (res.status !== 200 || !res.cookie) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  return res.cookie;
}

export async function apiCreateAccount(sysadminCookie: string, username: string, displayName: string, password: string): Promise<string> {
  const res = await call<{ id: string }>('POST', '/accounts', sysadminCookie, { username, displayName, password });
  if (res.status !== 201) throw new Error(`creating ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
