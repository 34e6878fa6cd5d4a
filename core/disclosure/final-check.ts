import type { Statement } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { checkPublishable, FINDING_KIND_LABELS, type FindingKind, type RedactOptions } from '../../shared/logic/redact/index.js';
import type { AppContext } from '../app.js';
import { UserError } from '../errors.js';
import { extractPdfText } from './pdf-text.js';
import type { Attachment, AttachmentReader } from './site/types.js';
import { canonicalJson } from './public-item.js';

/**
 * The last gate before upload: the personal-data check on the EXACT bytes to be published.
 *
 * - HTML: the text content (tags removed, entities decoded) plus every attribute value.
 * - items.json: each record with the options of its item; the rest with the site's options.
 * - PDF: the text fed into the PDF when it was generated (checked at approval) and the text read
 *   back from the PDF's own bytes (content streams through the ToUnicode map, and metadata) —
 *   pdftotext is not available on Windows, so this program reads its own PDFs (pdf-text.ts).
 * - Images (flowcharts) cannot be read by the program; the approver checks them by eye.
 *
 * A detail page is checked with its item's redaction options; a page listing several items with
 * the union of their options (names masked anywhere are looked for everywhere). Files that passed
 * are remembered by content hash and options (`publish_checked`), so an incremental publish only
 * checks what changed.
 */
export interface CheckProblem {
  path: string;
  seriesId: number | null;
  title: string | null;
  kind: FindingKind | 'minor';
  text: string;
}

export interface SiteCheckInput {
  files: Map<string, Buffer>;
  /** PDFs and images by content address; a PDF is read (and checked) only when not checked before. */
  attachments?: Map<string, Attachment>;
  read?: AttachmentReader;
  /** Item ids (series) shown by each page. */
  itemsOf: Map<string, number[]>;
  /** Per series: the redaction options and the title (for messages). */
  items: Map<number, { options: RedactOptions; title: string }>;
  /** Options for pages that show no item (indexes, assets): the bureau's public contacts. */
  siteOptions: RedactOptions;
  /** SHA-256 of each file when already known (the manifest), to avoid hashing twice. */
  hashes?: Map<string, string>;
  /** `sha256|options` of files that passed, remembered by the running program (saves a query per file). */
  memo?: Set<string>;
}

/**
 * Version of the check: part of every cache key, so results remembered in the database are not
 * reused after the redaction engine changes. Bump it whenever shared/logic/redact changes.
 */
const CHECK_VERSION = 1;
/** Cache key of PDFs (checked with their item's options when approved). */
export const PDF_KEY = `pdf-v${CHECK_VERSION}`;

const optionHashes = new WeakMap<RedactOptions, string>();
function optionsHash(o: RedactOptions): string {
  let h = optionHashes.get(o);
  if (!h) optionHashes.set(o, (h = createHash('sha256').update(canonicalJson({ v: CHECK_VERSION, o })).digest('hex').slice(0, 32)));
  return h;
}

const statements = new WeakMap<AppContext['db'], { get: Statement; put: Statement }>();
function stmts(app: AppContext) {
  let s = statements.get(app.db);
  if (!s) {
    s = {
      get: app.db.prepare('SELECT 1 FROM publish_checked WHERE sha256 = ? AND options_hash = ?'),
      put: app.db.prepare('INSERT OR IGNORE INTO publish_checked (sha256, options_hash, checked_at) VALUES (?, ?, ?)'),
    };
    statements.set(app.db, s);
  }
  return s;
}

export function isChecked(app: AppContext, sha256: string, opts: string): boolean {
  return stmts(app).get.get(sha256, opts) != null;
}

export function markChecked(app: AppContext, sha256: string, opts: string, at: string): void {
  stmts(app).put.run(sha256, opts, at);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

/** The visible text of an HTML page and, separately, its attribute values. */
export function htmlText(html: string): string {
  const attrs: string[] = [];
  const text = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, (tag) => {
    for (const a of tag.matchAll(/=\s*"([^"]*)"|=\s*'([^']*)'/g)) attrs.push(decode(a[1] ?? a[2] ?? ''));
    return '\n';
  });
  return `${decode(text)}\n${attrs.join('\n')}`;
}

function union(items: RedactOptions[], site: RedactOptions): RedactOptions {
  if (items.length === 0) return site;
  if (items.length === 1) return items[0];
  const names = new Set<string>();
  const keep = new Set<string>(site.keep ?? []);
  for (const o of items) {
    for (const n of o.otherPersonNames ?? []) names.add(n);
    if (o.partyName && o.partyIsPerson && !(o.keep ?? []).includes(o.partyName)) names.add(o.partyName);
    for (const k of o.keep ?? []) keep.add(k);
  }
  return { kind: 'penalty', partyIsPerson: false, otherPersonNames: [...names].sort(), keep: [...keep].sort(), partyIsMinor: items.some((o) => o.partyIsMinor) };
}

/** Problems of a PDF: its fed text and the text read back from its bytes. Empty when clean. */
export function checkPdf(bytes: Buffer, fedText: string | null, opts: RedactOptions): { kind: FindingKind; text: string }[] {
  const read = extractPdfText(bytes);
  const fedLen = fedText ? fedText.replace(/\s+/g, '').length : 0;
  const readLen = (read.text + read.metadata.join('')).replace(/\s+/g, '').length;
  if (fedText && readLen < fedLen * 0.5) {
    throw new UserError('PDF_UNREADABLE', '无法读回生成的 PDF 中的文字，不能完成个人信息检查，因此不予发布。请联系技术支持。');
  }
  const texts = [read.text, read.metadata.join('\n'), ...(fedText ? [fedText] : [])];
  return texts.flatMap((t) => checkPublishable(t, opts).leaks.map((l) => ({ kind: l.kind, text: l.text })));
}

/** Runs the check over every file; `ok` only when nothing is left. Records what passed. */
export function finalCheck(app: AppContext, input: SiteCheckInput, at: string): { ok: boolean; problems: CheckProblem[]; checked: number; cached: number } {
  const problems: CheckProblem[] = [];
  let checked = 0;
  let cached = 0;
  const passed: [string, string][] = [];
  for (const [path, a] of input.attachments ?? []) {
    if (!path.endsWith('.pdf')) continue; // images cannot be read by the program: the approver checks them
    if (input.memo?.has(`${a.sha256}|${PDF_KEY}`) || isChecked(app, a.sha256, PDF_KEY)) {
      input.memo?.add(`${a.sha256}|${PDF_KEY}`);
      cached++;
      continue;
    }
    checked++;
    const series = input.itemsOf.get(path) ?? [];
    const info = series.length === 1 ? input.items.get(series[0]) : undefined;
    const leaks = checkPdf(input.read!(a.sha256), null, info?.options ?? input.siteOptions);
    if (leaks.length === 0) passed.push([a.sha256, PDF_KEY]);
    for (const l of leaks) problems.push({ path, seriesId: series[0] ?? null, title: info?.title ?? null, kind: l.kind, text: l.text });
  }
  for (const [path, bytes] of input.files) {
    if (/\.(png|jpe?g)$/i.test(path)) continue;
    const series = input.itemsOf.get(path) ?? [];
    const opts = union(
      series.map((s) => input.items.get(s)!.options),
      input.siteOptions,
    );
    const isPdf = path.endsWith('.pdf');
    const sha = input.hashes?.get(path) ?? createHash('sha256').update(bytes).digest('hex');
    const oh = isPdf ? PDF_KEY : optionsHash(opts);
    if (input.memo?.has(`${sha}|${oh}`) || isChecked(app, sha, oh)) {
      input.memo?.add(`${sha}|${oh}`);
      cached++;
      continue;
    }
    checked++;
    const found: { kind: FindingKind | 'minor'; text: string; seriesId: number | null }[] = [];
    const one = series.length === 1 ? series[0] : null;
    if (opts.partyIsMinor) found.push({ kind: 'minor', text: '当事人为未成年人', seriesId: one });
    if (isPdf) for (const l of checkPdf(bytes, null, opts)) found.push({ ...l, seriesId: one });
    else if (path === 'items.json') found.push(...checkItemsJson(bytes.toString('utf8'), input));
    else {
      const text = path.endsWith('.html') ? htmlText(bytes.toString('utf8')) : bytes.toString('utf8');
      for (const l of checkPublishable(text, opts).leaks) found.push({ kind: l.kind, text: l.text, seriesId: one });
    }
    if (found.length === 0) passed.push([sha, oh]);
    for (const f of found) {
      const info = f.seriesId != null ? input.items.get(f.seriesId) : undefined;
      problems.push({ path, seriesId: f.seriesId, title: info?.title ?? null, kind: f.kind, text: f.text });
    }
  }
  app.db.transaction(() => {
    for (const [sha, oh] of passed) {
      markChecked(app, sha, oh, at);
      input.memo?.add(`${sha}|${oh}`);
    }
  })();
  return { ok: problems.length === 0, problems, checked, cached };
}

function checkItemsJson(json: string, input: SiteCheckInput): { kind: FindingKind; text: string; seriesId: number | null }[] {
  const out: { kind: FindingKind; text: string; seriesId: number | null }[] = [];
  const doc = JSON.parse(json) as { items?: Record<string, unknown>[] } & Record<string, unknown>;
  for (const rec of doc.items ?? []) {
    const id = typeof rec.id === 'number' ? rec.id : null;
    const opts = (id != null && input.items.get(id)?.options) || input.siteOptions;
    const text = Object.values(rec).filter((v) => typeof v === 'string').join('\n');
    for (const l of checkPublishable(text, opts).leaks) out.push({ kind: l.kind, text: l.text, seriesId: id });
  }
  const rest = JSON.stringify({ ...doc, items: undefined });
  for (const l of checkPublishable(rest, input.siteOptions).leaks) out.push({ kind: l.kind, text: l.text, seriesId: null });
  return out;
}

/** A Chinese refusal naming each item and finding (the first ten). */
export function describeProblems(problems: CheckProblem[]): string {
  const lines = problems.slice(0, 10).map((p) => {
    const what = p.kind === 'minor' ? '未成年人案件' : `${FINDING_KIND_LABELS[p.kind]}“${p.text}”`;
    return `${p.title ? `《${p.title}》` : p.path}（${p.path}）：${what}`;
  });
  return `发布前自动检查发现 ${problems.length} 处个人信息，已停止发布，网站未作任何改动：${lines.join('；')}${problems.length > 10 ? '……' : ''}。请在对应事项中遮盖后重新审核。`;
}
