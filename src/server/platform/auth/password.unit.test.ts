import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password';

describe('staff password policy', () => {
  it('accepts a long password with three character classes', () => {
    expect(checkPasswordPolicy('Blue-Lantern-42', 'zhangsan')).toBeNull();
  });
  it.each([
    ['Short1!', 'too_short'],
    ['alllowercaseletters', 'too_few_classes'],
    ['Zhangsan-2026', 'contains_username'],
    ['Password@2026', 'too_common'],
    ['1qaz2wsx3edc', 'too_few_classes'],
  ])('refuses %s (%s)', (pw, problem) => {
    expect(checkPasswordPolicy(pw, 'zhangsan')).toBe(problem);
  });
});

describe('password hashing', () => {
  it('verifies argon2id hashes and refuses wrong or missing ones', async () => {
    const h = await hashPassword('Blue-Lantern-42');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Blue-Lantern-42')).toBe(true);
    expect(await verifyPassword(h, 'blue-lantern-42')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
  });
});
