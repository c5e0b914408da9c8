import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../../../../../targets/app/shop/memory-sessions.ts';
import { isSessionId } from '../../../../../targets/app/shop/sessions.ts';

describe('MemorySessionStore', () => {
  it('keeps a cart per session and knows no other session ids', async () => {
    const store = new MemorySessionStore();
    const sid = await store.create('alice');
    expect(isSessionId(sid)).toBe(true);
    expect(await store.addItem(sid, 4)).toBe(true);
    expect(await store.items(sid)).toEqual([4]);
    expect(await store.addItem('nope', 4)).toBe(false);
    expect(await store.items('nope')).toBeUndefined();
  });

  it('drops the oldest session beyond its bound', async () => {
    const store = new MemorySessionStore(2);
    const first = await store.create('a');
    const second = await store.create('b');
    await store.create('c');
    expect(store.size).toBe(2);
    expect(await store.items(first)).toBeUndefined();
    expect(await store.items(second)).toEqual([]);
  });
});
