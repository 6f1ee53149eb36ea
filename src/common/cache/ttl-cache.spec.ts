import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000));

  it('loads once for concurrent callers and again after the time to live', async () => {
    const cache = new TtlCache<number>(5_000, 10, clock);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    now += 4_999;
    expect(await cache.get('a', load)).toBe(1);
    now += 1;
    expect(await cache.get('a', load)).toBe(2);
    expect(loads).toBe(2);
  });

  it('keeps keys apart and forgets failed loads', async () => {
    const cache = new TtlCache<string>(5_000, 10, clock);
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', async () => 'up')).toBe('up');
    expect(await cache.get('b', async () => 'other')).toBe('other');
    expect(await cache.get('a', async () => 'not loaded')).toBe('up');
  });

  it('forgets the entries whose keys match', async () => {
    const cache = new TtlCache<string>(5_000, 10, clock);
    await cache.get('user-1:a', async () => 'a');
    await cache.get('user-2:b', async () => 'b');
    cache.forget((key) => key.startsWith('user-1:'));
    expect(await cache.get('user-1:a', async () => 'a again')).toBe('a again');
    expect(await cache.get('user-2:b', async () => 'not loaded')).toBe('b');
  });

  it('drops the oldest entry beyond its size and loads every time with no time to live', async () => {
    const bounded = new TtlCache<string>(5_000, 2, clock);
    await bounded.get('a', async () => 'a1');
    await bounded.get('b', async () => 'b1');
    await bounded.get('c', async () => 'c1');
    expect(await bounded.get('a', async () => 'a2')).toBe('a2');
    expect(await bounded.get('c', async () => 'c2')).toBe('c1');

    const uncached = new TtlCache<number>(0, 10, clock);
    let loads = 0;
    await uncached.get('a', async () => ++loads);
    await uncached.get('a', async () => ++loads);
    expect(loads).toBe(2);
  });
});
