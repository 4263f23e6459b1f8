import { describe, expect, it } from 'vitest';
import { classify } from './error-handler';

describe('classify: what a failure means to the caller', () => {
  it('an exhausted connection pool is a 503 to retry, not a 500', () => {
    const err = new Error('timeout exceeded when trying to connect');
    expect(classify(err, 'zh-CN')).toEqual({ code: 'service_unavailable', retryAfter: 5 });
    const wrapped = Object.assign(new Error('Failed query: select 1'), { cause: err });
    expect(classify(wrapped, 'en-US')).toEqual({ code: 'service_unavailable', retryAfter: 5 });
  });

  it('constraint races map to their conflicts; anything unknown stays internal', () => {
    expect(classify(Object.assign(new Error('dup'), { code: '23505' }), 'zh-CN').code).toBe('already_exists');
    expect(classify(Object.assign(new Error('overlap'), { code: '23P01' }), 'zh-CN').code).toBe('conflict');
    expect(classify(new Error('boom'), 'zh-CN').code).toBe('internal_error');
  });
});
