import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../../../load-model/flows/cookie-jar.ts';

describe('CookieJar', () => {
  it('stores Set-Cookie values and sends them back in one Cookie header', () => {
    const jar = new CookieJar();
    jar.store({ 'set-cookie': ['sid=abc; Path=/; HttpOnly', 'theme=dark'] });
    expect(jar.get('sid')).toBe('abc');
    expect(jar.header()).toBe('sid=abc; theme=dark');
  });

  it('replaces a cookie and deletes it on Max-Age=0 or a past Expires', () => {
    const jar = new CookieJar();
    jar.store({ 'set-cookie': ['sid=1', 'x=1'] });
    jar.store({ 'set-cookie': ['sid=2'] });
    expect(jar.get('sid')).toBe('2');
    jar.store({ 'set-cookie': ['sid=; Max-Age=0', 'x=; Expires=Thu, 01 Jan 1970 00:00:00 GMT'] });
    expect(jar.header()).toBeUndefined();
  });
});
