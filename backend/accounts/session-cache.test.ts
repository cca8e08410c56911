import { describe, expect, it } from 'vitest';
import type { UserRow } from '../store/schema.ts';
import { SESSION_CACHE_MS, SessionCache } from './session-cache.ts';

const user = (id: string) => ({ id, name: id, role: 'agent', active: true }) as unknown as UserRow;
const far = new Date(10_000_000);

describe('SessionCache', () => {
  it('answers within its time, then asks the database again', () => {
    const cache = new SessionCache();
    cache.put('h1', user('a'), far, 1_000);
    expect(cache.get('h1', 1_000 + SESSION_CACHE_MS - 1)?.id).toBe('a');
    expect(cache.get('h1', 1_000 + SESSION_CACHE_MS)).toBeUndefined();
  });

  it('never outlives the session itself', () => {
    const cache = new SessionCache();
    cache.put('h1', user('a'), new Date(1_500), 1_000);
    expect(cache.get('h1', 1_499)?.id).toBe('a');
    expect(cache.get('h1', 1_500)).toBeUndefined();
  });

  it('forgets one token, or every token of a user', () => {
    const cache = new SessionCache();
    cache.put('h1', user('a'), far, 0);
    cache.put('h2', user('a'), far, 0);
    cache.put('h3', user('b'), far, 0);
    cache.forgetToken('h3');
    expect(cache.get('h3', 1)).toBeUndefined();
    cache.forgetUser('a');
    expect(cache.get('h1', 1)).toBeUndefined();
    expect(cache.get('h2', 1)).toBeUndefined();
  });

  it('does not trust an entry when the clock went back', () => {
    const cache = new SessionCache();
    cache.put('h1', user('a'), far, 5_000);
    expect(cache.get('h1', 4_000)).toBeUndefined();
  });

  it('keeps a bounded number of entries, dropping the oldest', () => {
    const cache = new SessionCache();
    for (let i = 0; i <= 10_000; i++) cache.put(`h${i}`, user(`u${i}`), far, 0);
    expect(cache.get('h0', 1)).toBeUndefined();
    expect(cache.get('h10000', 1)?.id).toBe('u10000');
    expect(cache.get('h1', 1)?.id).toBe('u1');
  });
});
