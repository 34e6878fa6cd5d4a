import type Database from 'better-sqlite3';
import { m001_foundation } from './migrations/001_foundation.js';
import { m002_media } from './migrations/002_media.js';
import { m003_review } from './migrations/003_review.js';
import { m004_disclosure } from './migrations/004_disclosure.js';
import { m005_handler_lists } from './migrations/005_handler_lists.js';

export interface Migration {
  name: string;
  up: string;
}

/** Ordered list: migration N brings user_version from N-1 to N. Append only, never edit a landed one. */
export const MIGRATIONS: Migration[] = [m001_foundation, m002_media, m003_review, m004_disclosure, m005_handler_lists];

/** Applies pending migrations, each in its own transaction with its user_version bump. */
export function migrate(db: Database.Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  for (let v = from; v < MIGRATIONS.length; v++) {
    const m = MIGRATIONS[v];
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return { from, to: MIGRATIONS.length };
}
