/** Sessions in this process's memory: fast, and invisible to every other clone. */
import { newSessionId, type SessionStore } from './sessions.ts';

interface MemorySession {
  user: string;
  items: number[];
}

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, MemorySession>();

  /** the oldest sessions are dropped beyond `maxSessions`, so a long run cannot exhaust memory */
  constructor(private readonly maxSessions = 500_000) {}

  async create(user: string): Promise<string> {
    const sid = newSessionId();
    this.sessions.set(sid, { user, items: [] });
    if (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    return sid;
  }

  async addItem(sid: string, productId: number): Promise<boolean> {
    const session = this.sessions.get(sid);
    if (!session) return false;
    session.items.push(productId);
    return true;
  }

  async items(sid: string): Promise<number[] | undefined> {
    const session = this.sessions.get(sid);
    return session ? [...session.items] : undefined;
  }

  get size(): number {
    return this.sessions.size;
  }
}
