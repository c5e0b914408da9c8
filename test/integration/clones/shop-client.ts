/**
 * A tiny shop client for the clones tests: one cookie jar per virtual user (the app's `sid` and the
 * balancer's `SRV`), and the VU flow log in → add items → read the cart. A 401 or a cart that does not
 * hold exactly what was added is a lost session.
 */
import { request } from 'undici';

export class ShopUser {
  readonly cookies = new Map<string, string>();
  readonly added: number[] = [];

  constructor(
    readonly base: string,
    readonly name: string,
  ) {}

  async call(method: 'GET' | 'POST', path: string, json?: unknown) {
    const cookie = [...this.cookies].map(([key, value]) => `${key}=${value}`).join('; ');
    const response = await request(new URL(path, this.base), {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    for (const line of [response.headers['set-cookie'] ?? []].flat()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim());
    }
    const text = await response.body.text();
    return { status: response.statusCode, servedBy: String(response.headers['x-served-by']), text };
  }

  async login(): Promise<boolean> {
    return (await this.call('POST', '/login', { user: this.name })).status === 200;
  }

  /** adds items; false as soon as one is refused */
  async addItems(ids: number[]): Promise<boolean> {
    for (const productId of ids) {
      if ((await this.call('POST', '/cart/items', { productId })).status !== 200) return false;
      this.added.push(productId);
    }
    return true;
  }

  /** true when the cart holds exactly what this user added */
  async cartIsIntact(): Promise<boolean> {
    const response = await this.call('GET', '/cart');
    if (response.status !== 200) return false;
    const { items } = JSON.parse(response.text) as { items: number[] };
    return JSON.stringify(items) === JSON.stringify(this.added);
  }
}

/** the VU flow: log in, add `count` items, read the cart; 'lost' when any step misses the session */
export async function loginAndFillCart(user: ShopUser, count: number): Promise<'ok' | 'lost'> {
  if (!(await user.login())) return 'lost';
  const ids = Array.from({ length: count }, (_, i) => 100 + i);
  if (!(await user.addItems(ids))) return 'lost';
  return (await user.cartIsIntact()) ? 'ok' : 'lost';
}

/** runs `flow` for every user concurrently and counts the lost ones */
export async function countLost(
  users: ShopUser[],
  flow: (user: ShopUser) => Promise<'ok' | 'lost' | boolean>,
): Promise<number> {
  const outcomes = await Promise.all(users.map(flow));
  return outcomes.filter((outcome) => outcome === 'lost' || outcome === false).length;
}
