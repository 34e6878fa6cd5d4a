import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/roles.js';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  officerId: number | null;
}

interface Session {
  user: SessionUser;
  lastSeen: number;
}

/**
 * Signed-in sessions, in memory only: a restart signs everybody out. A session idle longer than
 * the bureau's setting expires; every successful call refreshes it.
 */
export class SessionStore {
  private sessions = new Map<string, Session>();
  /** Tokens that expired recently, so every request still in flight hears "expired", not "not signed in". */
  private expired = new Map<string, number>();
  constructor(private idleMs: () => number, private now: () => number = Date.now) {}

  open(user: SessionUser): string {
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, { user, lastSeen: this.now() });
    return token;
  }

  /** The user of a live session, or 'expired' / null (never signed in). */
  touch(token: string | undefined | null): SessionUser | 'expired' | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return this.expired.has(token) ? 'expired' : null;
    if (this.now() - s.lastSeen > this.idleMs()) {
      this.sessions.delete(token);
      this.rememberExpired(token);
      return 'expired';
    }
    s.lastSeen = this.now();
    return s.user;
  }

  private rememberExpired(token: string): void {
    const cutoff = this.now() - 10 * 60_000;
    for (const [t, at] of this.expired) if (at < cutoff) this.expired.delete(t);
    this.expired.set(token, this.now());
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  /** Ends every session of a user (password reset, account disabled) or refreshes their roles. */
  closeUser(userId: number): void {
    for (const [t, s] of this.sessions) if (s.user.id === userId) this.sessions.delete(t);
  }
}
