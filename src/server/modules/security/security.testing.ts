/** Test helpers for MFA: TOTP codes at a given step, enrolling through the API, signing in with a code. */
import { generate } from 'otplib';
import type { App } from '../../platform/http/types';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import { client, TEST_PASSWORD, type Client } from '../../test/harness';

/** The TOTP code `steps` 30-second steps from now (the server accepts one step either side). */
export const totp = (secret: string, steps = 0): Promise<string> => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

export function cookieOf(res: { headers: Record<string, unknown> }): string | null {
  const set = [res.headers['set-cookie']].flat().find((c) => typeof c === 'string' && c.startsWith(`${SESSION_COOKIE}=`)) as string | undefined;
  return set ? set.split(';')[0]! : null;
}

/** Enrolls MFA for a signed-in client; returns the secret, the recovery codes and a client on the new session. */
export async function enrollMfa(app: App, c: Client): Promise<{ secret: string; recoveryCodes: string[]; client: Client }> {
  const started = await c.post('/api/v1/me/mfa/enrollment');
  if (started.status !== 200) throw new Error(`enrollment failed: ${started.status} ${JSON.stringify(started.body)}`);
  const secret = started.body.secret as string;
  const confirmed = await c.post('/api/v1/me/mfa/enrollment/confirm', { code: await totp(secret) });
  if (confirmed.status !== 200) throw new Error(`confirm failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes, client: client(app, cookieOf(confirmed)) };
}

/** Both sign-in steps; `code` defaults to the next step's TOTP (the current one was spent on enrollment). */
export async function signInWithMfa(app: App, username: string, secret: string, code?: string): Promise<Client> {
  const first = await client(app).post('/api/v1/auth/login', { username, password: TEST_PASSWORD });
  if (first.status !== 200 || !first.body.mfaRequired) throw new Error(`first step: ${first.status} ${JSON.stringify(first.body)}`);
  const second = await client(app).post('/api/v1/auth/login/mfa', { challenge: first.body.challenge, code: code ?? (await totp(secret, 1)) });
  if (second.status !== 200) throw new Error(`second step: ${second.status} ${JSON.stringify(second.body)}`);
  return client(app, cookieOf(second));
}
