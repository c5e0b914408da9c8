/**
 * Where sessions and their carts live. `memory` keeps them in this process (lost on another clone or a
 * restart: the seed's anti-pattern); `redis` keeps them in Redis so any clone serves any session.
 */
import { randomBytes } from 'node:crypto';

/** how long an idle session lives in Redis */
export const sessionTtlSeconds = 3600;

export interface SessionStore {
  /** creates a session for `user` and returns its id */
  create(user: string): Promise<string>;
  /** appends to the session's cart; false when the session does not exist */
  addItem(sid: string, productId: number): Promise<boolean>;
  /** the cart's product ids in the order they were added, or undefined when the session does not exist */
  items(sid: string): Promise<number[] | undefined>;
}

export function newSessionId(): string {
  return randomBytes(18).toString('base64url');
}

/** `sid` cookies are base64url; anything else is not a session of ours */
export function isSessionId(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{16,64}$/.test(value);
}
