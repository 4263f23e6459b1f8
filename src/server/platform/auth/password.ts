/**
 * Passwords: argon2id (OWASP parameters), a policy for staff passwords, and a constant-cost check
 * for unknown usernames so that timing does not tell which accounts exist.
 */
import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords';

const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 /* argon2id */ } as const;

export const hashPassword = (plain: string): Promise<string> => hash(plain, options);

let dummyHash: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, plain: string): Promise<boolean> {
  if (!stored) {
    // Same work as a real check, then fail.
    dummyHash ??= hash('tongxin-dummy-password', options);
    await verify(await dummyHash, plain).catch(() => false);
    return false;
  }
  return verify(stored, plain).catch(() => false);
}

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'contains_username' | 'too_common' | 'too_long';

/** Staff password policy (等保 level 3): ≥ 10 characters, 3 of 4 character classes, not the username, not a common password. */
export function checkPasswordPolicy(password: string, username: string): PasswordProblem | null {
  if (password.length < 10) return 'too_short';
  if (password.length > 128) return 'too_long';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'too_few_classes';
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase())) return 'contains_username';
  if (commonPasswords.has(lower)) return 'too_common';
  return null;
}
