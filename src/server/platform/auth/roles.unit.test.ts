import { describe, expect, it } from 'vitest';
import { policies } from '../../modules';
import { adminRoles, buildCatalog } from './roles';

describe('role catalog', () => {
  const catalog = buildCatalog(policies);

  it('the three admins hold disjoint permissions (三员分立)', () => {
    const sets = adminRoles.map((r) => catalog.grants.get(r)!);
    for (let i = 0; i < sets.length; i++)
      for (let j = i + 1; j < sets.length; j++) for (const p of sets[i]!) expect(sets[j]!.has(p)).toBe(false);
  });

  it('the audit admin can read the audit log and nothing else', () => {
    expect([...catalog.grants.get('audit_admin')!]).toEqual(['audit.read']);
  });

  it('refuses a grant of an undeclared permission', () => {
    expect(() => buildCatalog([{ module: 'x', permissions: ['x.read'], grants: { resident: ['x.write'] } }])).toThrow(/undeclared/);
  });

  it('refuses a permission shared by two admin roles', () => {
    expect(() => buildCatalog([{ module: 'x', permissions: ['x.read'], grants: { sys_admin: ['x.read'], audit_admin: ['x.read'] } }])).toThrow(/two admin roles/);
  });
});
