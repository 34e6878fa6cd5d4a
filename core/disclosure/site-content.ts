import type { RedactOptions } from '../../shared/logic/redact/index.js';
import type { AppContext } from '../app.js';
import { UserError } from '../errors.js';
import { contentOf } from './evaluate.js';
import { contentHashOf } from './public-item.js';
import { engineOptions } from './redaction.js';
import { ITEM_COLUMNS, parseItem, type Item } from './repo.js';
import { siteCache } from './site-cache.js';
import { loadDisclosureSettings, publicContacts } from './settings.js';
import type { AttachmentReader, SiteContent, SiteItem } from './site/types.js';

/** The versions on the site: per series the newest approved or published one, unless the series is withdrawn. */
const LIVE_SQL = `SELECT d.id, d.state, d.contentHash FROM (
  SELECT id, series_id AS seriesId, state, content_hash AS contentHash,
    row_number() OVER (PARTITION BY series_id ORDER BY version DESC) AS rn
  FROM disclosure_items WHERE state IN ('approved', 'published')) d
WHERE d.rn = 1 AND NOT EXISTS (SELECT 1 FROM disclosure_items w WHERE w.series_id = d.seriesId AND w.state = 'withdrawn')
ORDER BY d.seriesId`;

export interface LoadedSite {
  content: SiteContent;
  /** The live version of each series, with the options its pages are checked with. */
  items: Map<number, { item: Item; options: RedactOptions; title: string }>;
  siteOptions: RedactOptions;
  /** Reads an attachment (PDF, image) from the vault, with a clear message when it is missing. */
  read: AttachmentReader;
}

/**
 * Everything the public site is built from, read from the approved, frozen content only. Each
 * version's public form is checked against the hash recorded at approval, so content changed
 * behind the program's back is refused rather than published.
 */
export function loadSiteContent(app: AppContext): LoadedSite {
  const bureau = app.repos.bureau.get();
  const contacts = publicContacts(app);
  const contactsKey = JSON.stringify(contacts);
  const cache = siteCache(app);
  const one = app.db.prepare(`SELECT ${ITEM_COLUMNS} FROM disclosure_items WHERE id = ?`);
  const live = app.db.prepare(LIVE_SQL).all() as { id: number; state: Item['state']; contentHash: string | null }[];
  const items = new Map<number, { item: Item; options: RedactOptions; title: string }>();
  const siteItems: SiteItem[] = [];
  const titles = new Map<string, string>();
  const seen = new Set<number>();
  for (const row of live) {
    seen.add(row.id);
    let c = cache.items.get(row.id);
    if (!c || c.contentHash !== row.contentHash) {
      const item = parseItem(one.get(row.id) as Parameters<typeof parseItem>[0]);
      const pub = item.publicContent;
      if (!pub || !item.contentHash || contentHashOf(pub) !== item.contentHash) {
        throw new UserError(
          'CONTENT_TAMPERED',
          `公示事项“${item.title}”（编号 ${item.seriesId}）审核后的内容与审核时记录的校验值不符，可能被改动。为安全起见不予发布，请退回重新审核或联系管理员。`,
        );
      }
      c = { contentHash: item.contentHash, contactsKey: '', item, options: {}, site: { ...pub, seriesId: item.seriesId, version: item.version, contentHash: item.contentHash } };
      cache.items.set(row.id, c);
    }
    if (c.contactsKey !== contactsKey) {
      c.options = engineOptions(c.item.kind, contentOf(c.item), c.item.redaction, c.item.kept, contacts);
      c.contactsKey = contactsKey;
    }
    c.item.state = row.state;
    const pub = c.site;
    items.set(c.item.seriesId, { item: c.item, options: c.options, title: pub.title });
    if (pub.pdf) titles.set(pub.pdf.sha256, pub.title);
    if (pub.image) titles.set(pub.image.sha256, pub.title);
    siteItems.push(pub);
  }
  for (const id of cache.items.keys()) if (!seen.has(id)) cache.items.delete(id);
  return {
    content: {
      bureau: {
        name: bureau?.name ?? '',
        websiteName: bureau?.websiteName || `${bureau?.name ?? ''}行政执法公示`,
        address: bureau?.address ?? '',
        phone: bureau?.phone ?? '',
        creditCode: bureau?.creditCode ?? '',
      },
      baseUrl: loadDisclosureSettings(app).siteBaseUrl,
      items: siteItems,
    },
    items,
    siteOptions: { kind: 'penalty', keep: contacts },
    read: (sha256) => attachment(app, sha256, titles.get(sha256) ?? sha256),
  };
}

export function attachment(app: AppContext, sha256: string, title: string): Buffer {
  try {
    return app.vault.read(sha256);
  } catch {
    throw new UserError('ATTACHMENT_MISSING', `公示事项“${title}”的附件（PDF 或图片）在证据库中找不到，不能发布。请运行“校验证据库”检查数据文件夹，或将该事项退回后重新审核以重新生成附件。`);
  }
}
