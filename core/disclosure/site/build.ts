import { DISCLOSURE_KIND_LABELS, isResultKind, RESULT_KINDS, type DisclosureKind } from '../../../shared/disclosure-domain.js';
import { SEARCH_JS, SITE_CSS } from './assets.js';
import { esc, itemDir, itemPath, listPath } from './html.js';
import { beforePage, detailPage, homePage, kindPage, listPage, PAGE_SIZE, searchPage } from './pages.js';
import type { AttachmentReader, BuiltSite, SiteContent, SiteItem } from './types.js';

/**
 * The static disclosure site as a pure function of its content: path → bytes, no clock, no
 * randomness, so the same content always gives byte-identical files and a manifest of hashes
 * says exactly what changed. Withdrawn items are simply not in the content. Attachments come
 * from the content-addressed vault (`read`), so they are part of the content too.
 */
export function buildSite(content: SiteContent, read: AttachmentReader): Map<string, Buffer> {
  const built = buildSiteWithIndex(content);
  const all = new Map(built.files);
  for (const [p, a] of built.attachments) all.set(p, read(a.sha256));
  return all;
}

const byDate = (a: SiteItem, b: SiteItem) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.seriesId - a.seriesId);

/**
 * `memo` (optional) keeps rendered detail pages between builds, keyed by item, content hash and
 * bureau details — the same bytes as rendering again; entries not used by this build are dropped.
 */
export function buildSiteWithIndex(content: SiteContent, memo?: Map<string, Buffer>): BuiltSite {
  const files = new Map<string, Buffer>();
  const itemsOf = new Map<string, number[]>();
  const attachments = new Map<string, { sha256: string; size: number }>();
  const put = (path: string, data: string | Buffer, items: SiteItem[] = []) => {
    files.set(path, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    if (items.length) itemsOf.set(path, items.map((i) => i.seriesId));
  };
  const attach = (path: string, a: { sha256: string; size: number }, i: SiteItem) => {
    attachments.set(path, { sha256: a.sha256, size: a.size });
    itemsOf.set(path, [i.seriesId]);
  };
  const items = [...content.items].sort(byDate);
  const byKind = new Map<DisclosureKind, SiteItem[]>();
  for (const i of items) {
    const list = byKind.get(i.kind);
    if (list) list.push(i);
    else byKind.set(i.kind, [i]);
  }

  put('assets/site.css', SITE_CSS);
  put('assets/search.js', SEARCH_JS);
  const listed = [...RESULT_KINDS, 'annual' as const];
  put('index.html', homePage(content, byKind), listed.flatMap((k) => (byKind.get(k) ?? []).slice(0, 5)));
  put('search.html', searchPage(content));
  const notices = items.filter((i) => !isResultKind(i.kind) && i.kind !== 'annual');
  put('before/index.html', beforePage(content, byKind), notices);

  const bureauKey = JSON.stringify(content.bureau);
  const used = new Set<string>();
  /** A page from the memo when its key (everything it shows) is unchanged, else rendered and remembered. */
  const memoised = (key: string | null, render: () => string): Buffer => {
    if (!key || !memo) return Buffer.from(render(), 'utf8');
    used.add(key);
    let page = memo.get(key);
    if (!page) memo.set(key, (page = Buffer.from(render(), 'utf8')));
    return page;
  };
  const keyOf = (list: SiteItem[]) => (list.every((i) => i.contentHash) ? list.map((i) => `${i.seriesId}:${i.contentHash}`).join(',') : null);
  const lists: string[] = [];
  for (const kind of listed) {
    const all = byKind.get(kind) ?? [];
    put(`${kind}/index.html`, kindPage(content, kind, all), all.slice(0, PAGE_SIZE));
    lists.push(`${kind}/index.html`);
    const years = new Map<string, SiteItem[]>();
    for (const i of all) {
      const y = i.date.slice(0, 4);
      const list = years.get(y);
      if (list) list.push(i);
      else years.set(y, [i]);
    }
    for (const [year, ofYear] of years) {
      const pages = Math.max(1, Math.ceil(ofYear.length / PAGE_SIZE));
      for (let n = 1; n <= pages; n++) {
        const path = listPath(kind, year, n);
        const slice = ofYear.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE);
        const ids = keyOf(slice);
        const key = ids ? `l|${path}|${pages}|${ofYear.length}|${ids}|${bureauKey}` : null;
        put(path, memoised(key, () => listPage(content, kind, year, ofYear, n, pages)), slice);
        lists.push(path);
      }
    }
  }
  for (const i of items) {
    put(itemPath(i), memoised(i.contentHash ? `d|${i.seriesId}|${i.contentHash}|${bureauKey}` : null, () => detailPage(content, i)), [i]);
    const dir = itemDir(i.kind, i.date.slice(0, 4));
    if (i.pdf) attach(`${dir}/${i.seriesId}.pdf`, i.pdf, i);
    if (i.image) attach(`${dir}/${i.seriesId}.${i.image.ext}`, i.image, i);
  }
  put('items.json', itemsJson(items), items);
  put('sitemap.xml', sitemap(content.baseUrl, ['index.html', 'before/index.html', 'search.html', ...lists], items));
  if (memo) for (const k of memo.keys()) if (!used.has(k)) memo.delete(k);
  return { files, attachments, itemsOf };
}

/** Per item: its items.json row and sitemap entry (items are immutable; memo by identity). */
const rowMemo = new WeakMap<SiteItem, string>();
const urlMemo = new WeakMap<SiteItem, { key: string; url: string }>();

/** The search index (also a machine-readable list of everything published). */
function itemsJson(items: SiteItem[]): string {
  const rows = items.map((i) => rowMemo.get(i) ?? rowOf(i));
  return `{"count":${rows.length},"items":[\n${rows.join(',\n')}\n]}\n`;
}

function rowOf(i: SiteItem): string {
  const row = JSON.stringify({
    id: i.seriesId,
    kind: i.kind,
    kindLabel: DISCLOSURE_KIND_LABELS[i.kind],
    title: i.title,
    no: i.list.no,
    party: i.list.party,
    date: i.date,
    url: itemPath(i),
    corrected: i.corrections.length > 0,
  });
  rowMemo.set(i, row);
  return row;
}

function sitemap(baseUrl: string, pages: string[], items: SiteItem[]): string {
  const base = baseUrl ? (baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : '';
  const url = (path: string, lastmod?: string) => `<url><loc>${esc(base + path)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  const entry = (i: SiteItem) => {
    const key = `${base}\n${itemPath(i)}`;
    const memo = urlMemo.get(i);
    if (memo?.key === key) return memo.url;
    const u = url(itemPath(i), [i.date, ...i.corrections.map((c) => c.date)].sort().at(-1));
    urlMemo.set(i, { key, url: u });
    return u;
  };
  const entries = [...pages.map((p) => url(p)), ...items.map(entry)];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}
