import type { AppContext } from '../app.js';
import type { Db } from '../db/connection.js';

/**
 * Results that depend only on the data (and the date): kept until the next write. Every change the
 * services make appends an audit row, so the audit chain head names the state of the data; with the
 * same head and the same `stamp` (date, minute, arguments) the previous result is returned unchanged.
 */
const memo = new WeakMap<Db, Map<string, { head: string; stamp: string; value: unknown }>>();

export function memoized<T>(app: AppContext, key: string, stamp: string, compute: () => T): T {
  let m = memo.get(app.db);
  if (!m) memo.set(app.db, (m = new Map()));
  const head = app.audit.head().hash;
  const hit = m.get(key);
  if (hit && hit.head === head && hit.stamp === stamp) return hit.value as T;
  const value = compute();
  m.set(key, { head, stamp, value });
  return value;
}
