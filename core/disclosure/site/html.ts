import { DISCLOSURE_KIND_LABELS, RESULT_KINDS, type DisclosureKind } from '../../../shared/disclosure-domain.js';
import type { SiteContent } from './types.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => ESC[c]);

/** Text with line breaks as paragraphs. */
export const paragraphs = (s: string): string =>
  s
    .split(/\r?\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');

/** Relative prefix from a page at `path` back to the site root ('' or '../' …). */
export const rootOf = (path: string): string => '../'.repeat(path.split('/').length - 1);

export const itemDir = (kind: DisclosureKind, year: string) => `${kind}/${year}`;
export const itemPath = (i: { kind: DisclosureKind; date: string; seriesId: number }) => `${itemDir(i.kind, i.date.slice(0, 4))}/${i.seriesId}.html`;
export const listPath = (kind: DisclosureKind, year: string, page: number) => `${itemDir(kind, year)}/${page === 1 ? 'index' : `page-${page}`}.html`;

export type NavKey = DisclosureKind | 'home' | 'before' | 'search';

const NAV: { key: NavKey; label: string; href: string }[] = [
  { key: 'home', label: '首页', href: 'index.html' },
  ...RESULT_KINDS.map((k) => ({ key: k as NavKey, label: DISCLOSURE_KIND_LABELS[k], href: `${k}/index.html` })),
  { key: 'before', label: '事前公开', href: 'before/index.html' },
  { key: 'annual', label: '年度报告', href: 'annual/index.html' },
  { key: 'search', label: '信息检索', href: 'search.html' },
];

export interface PageSpec {
  path: string;
  title: string;
  nav: NavKey;
  crumbs: { label: string; href?: string }[];
  body: string;
  scripts?: string[];
}

/** The common page: header with the bureau's name, navigation, breadcrumbs, main content, footer. */
export function page(site: SiteContent, p: PageSpec): string {
  const r = rootOf(p.path);
  const b = site.bureau;
  const nav = NAV.map(
    (n) => `<li><a href="${r}${n.href}"${n.key === p.nav ? ' aria-current="page" class="on"' : ''}>${esc(n.label)}</a></li>`,
  ).join('');
  const crumbs = p.crumbs
    .map((c, i) => (c.href && i < p.crumbs.length - 1 ? `<a href="${r}${c.href}">${esc(c.label)}</a>` : `<span aria-current="page">${esc(c.label)}</span>`))
    .join('<span class="sep" aria-hidden="true">›</span>');
  const contact = [b.address && `办公地址：${esc(b.address)}`, b.phone && `联系电话：${esc(b.phone)}`].filter(Boolean).join('　');
  const scripts = (p.scripts ?? []).map((s) => `<script src="${r}${s}" defer></script>`).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)} - ${esc(b.websiteName)}</title>
<link rel="stylesheet" href="${r}assets/site.css">${scripts}
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="top"><div class="wrap"><p class="org">${esc(b.name)}</p><p class="site">${esc(b.websiteName)}</p></div></header>
<nav class="nav" aria-label="栏目导航"><div class="wrap"><ul>${nav}</ul></div></nav>
<div class="wrap"><nav class="crumbs" aria-label="当前位置">当前位置：${crumbs}</nav>
<main id="main">
${p.body}
</main></div>
<footer class="foot"><div class="wrap"><p>主办单位：${esc(b.name)}${b.creditCode ? `　统一社会信用代码：${esc(b.creditCode)}` : ''}</p>${contact ? `<p>${contact}</p>` : ''}<p>本栏目依法公开行政执法信息，涉及个人信息的内容已作脱敏处理。</p></div></footer>
</body>
</html>
`;
}

/** A list table of items (序号, 标题, 文号, 日期) with links relative to `from`. */
export function itemTable(
  from: string,
  items: { kind: DisclosureKind; date: string; seriesId: number; title: string; list: { no: string; party: string }; corrections: unknown[] }[],
  caption: string,
  opts: { offset?: number; showNo?: boolean; hideCaption?: boolean } = {},
): string {
  if (items.length === 0) return '<p class="empty">暂无公开信息。</p>';
  const r = rootOf(from);
  const showNo = opts.showNo ?? true;
  const offset = opts.offset ?? 0;
  const rows = items
    .map(
      (i, n) =>
        `<tr><td class="n">${offset + n + 1}</td><td><a href="${r}${itemPath(i)}">${esc(i.title)}</a>${i.corrections.length ? '<span class="tag">已更正</span>' : ''}</td>${showNo ? `<td>${esc(i.list.no)}</td>` : ''}<td class="d">${esc(i.date)}</td></tr>`,
    )
    .join('\n');
  return `<table class="list"><caption${opts.hideCaption ? ' class="sr"' : ''}>${esc(caption)}</caption><thead><tr><th scope="col" class="n">序号</th><th scope="col">标题</th>${showNo ? '<th scope="col">文号</th>' : ''}<th scope="col" class="d">日期</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

/** Pagination links; `href(n)` gives page n's path relative to the current page. */
export function pager(current: number, total: number, href: (n: number) => string): string {
  if (total <= 1) return '';
  const links: string[] = [];
  if (current > 1) links.push(`<a href="${href(current - 1)}" rel="prev">上一页</a>`);
  for (let n = 1; n <= total; n++) {
    const near = n === 1 || n === total || Math.abs(n - current) <= 2;
    if (!near) {
      if (links[links.length - 1] !== '<span class="gap">…</span>') links.push('<span class="gap">…</span>');
      continue;
    }
    links.push(n === current ? `<span aria-current="page" class="cur">${n}</span>` : `<a href="${href(n)}">${n}</a>`);
  }
  if (current < total) links.push(`<a href="${href(current + 1)}" rel="next">下一页</a>`);
  return `<nav class="pager" aria-label="分页">${links.join('')}<span class="total">共 ${total} 页</span></nav>`;
}
