import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './i18n';

describe('locale negotiation', () => {
  it('defaults to zh-CN', () => {
    expect(negotiateLocale(undefined)).toBe('zh-CN');
    expect(negotiateLocale('fr-FR')).toBe('zh-CN');
  });
  it('honours q-values', () => {
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en-US');
    expect(negotiateLocale('zh;q=0.5,en;q=0.8')).toBe('en-US');
    expect(negotiateLocale('en;q=0.1,zh-TW')).toBe('zh-CN');
  });
});
