import type { RedactOptions } from '../../shared/logic/redact/index.js';
import type { AppContext } from '../app.js';
import type { Item } from './repo.js';
import type { SiteItem } from './site/types.js';

/**
 * What one running program remembers between publishes so that publishing one changed item of a
 * 10,000-item site does not redo 10,000 items' work: the parsed, hash-verified live versions
 * (by id and content hash), their rendered detail pages (by content hash and bureau details),
 * the SHA-256 of generated buffers, and the files that passed the final check. Everything is
 * keyed by content, so a stale entry is never used: it just stops being looked up.
 */
export interface SiteCache {
  items: Map<number, { contentHash: string; contactsKey: string; item: Item; options: RedactOptions; site: SiteItem }>;
  pages: Map<string, Buffer>;
  hashes: WeakMap<Buffer, string>;
  checked: Set<string>;
}

const caches = new WeakMap<AppContext, SiteCache>();

export function siteCache(app: AppContext): SiteCache {
  let c = caches.get(app);
  if (!c) caches.set(app, (c = { items: new Map(), pages: new Map(), hashes: new WeakMap(), checked: new Set() }));
  return c;
}
