import { DISCLOSURE_KIND_LABELS, isResultKind, NOTICE_KINDS, RESULT_KINDS, type DisclosureKind } from '../../../shared/disclosure-domain.js';
import { esc, itemPath, itemTable, listPath, page, pager, paragraphs, rootOf } from './html.js';
import type { SiteContent, SiteItem } from './types.js';

export const PAGE_SIZE = 20;
const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;
const navOf = (kind: DisclosureKind) => (isResultKind(kind) || kind === 'annual' ? kind : 'before');
const kindHome = (kind: DisclosureKind) => (isResultKind(kind) || kind === 'annual' ? `${kind}/index.html` : 'before/index.html');
const kindLabel = (kind: DisclosureKind) => (isResultKind(kind) || kind === 'annual' ? DISCLOSURE_KIND_LABELS[kind] : '事前公开');

/** The public body of one item: corrections, the 双公示 table or the notice, the PDF link. */
export function itemBody(i: SiteItem): string {
  const parts: string[] = [];
  parts.push(`<h1>${esc(i.title)}</h1>`);
  parts.push(`<p class="meta"><span>信息类别：${esc(DISCLOSURE_KIND_LABELS[i.kind])}</span><span>日期：${esc(i.date)}</span></p>`);
  if (i.corrections.length) {
    const notes = i.corrections.map((c) => `<li><span class="d">${esc(c.date)}</span> ${esc(c.note)}</li>`).join('');
    parts.push(`<section class="correction" aria-labelledby="c-h"><h2 id="c-h">更正说明</h2><ul>${notes}</ul></section>`);
  }
  if (i.rows.length) {
    const rows = i.rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th><td>${paragraphs(r.value)}</td></tr>`).join('\n');
    parts.push(`<table class="detail"><caption>${esc(DISCLOSURE_KIND_LABELS[i.kind])}信息</caption><tbody>\n${rows}\n</tbody></table>`);
  }
  for (const s of i.sections) {
    if (s.heading) parts.push(`<h2>${esc(s.heading)}</h2>`);
    if (s.text) parts.push(`<div class="text">${paragraphs(s.text)}</div>`);
  }
  if (i.table) {
    const head = i.table.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('');
    const body = i.table.rows.map((row) => `<tr>${i.table!.columns.map((_, n) => `<td>${esc(row[n] ?? '')}</td>`).join('')}</tr>`).join('\n');
    parts.push(`<table class="grid">${i.table.caption ? `<caption>${esc(i.table.caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`);
  }
  if (i.image) {
    const src = `${i.seriesId}.${i.image.ext}`;
    parts.push(`<figure class="figure"><img src="${src}" alt="${esc(i.image.alt)}"><figcaption>${esc(i.image.alt)}（<a href="${src}">查看原图</a>）</figcaption></figure>`);
  }
  if (i.pdf) {
    parts.push(`<p class="file"><a href="${i.seriesId}.pdf" type="application/pdf">下载公开版决定书（PDF，${kb(i.pdf.size)}）</a></p>`);
  }
  return parts.join('\n');
}

export function detailPage(site: SiteContent, i: SiteItem): string {
  const path = itemPath(i);
  const year = i.date.slice(0, 4);
  const crumbs: { label: string; href?: string }[] = [{ label: '首页', href: 'index.html' }, { label: kindLabel(i.kind), href: kindHome(i.kind) }];
  if (isResultKind(i.kind) || i.kind === 'annual') crumbs.push({ label: `${year}年`, href: listPath(i.kind, year, 1) });
  crumbs.push({ label: '正文' });
  const back = `<p class="back"><a href="${rootOf(path)}${isResultKind(i.kind) || i.kind === 'annual' ? listPath(i.kind, year, 1) : 'before/index.html'}">返回列表</a></p>`;
  return page(site, { path, title: i.title, nav: navOf(i.kind), crumbs, body: `<article>${itemBody(i)}</article>\n${back}` });
}

/** Page `n` of a kind's items of one year. */
export function listPage(site: SiteContent, kind: DisclosureKind, year: string, items: SiteItem[], n: number, pages: number): string {
  const path = listPath(kind, year, n);
  const slice = items.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE);
  const body = [
    `<h1>${esc(DISCLOSURE_KIND_LABELS[kind])}信息（${esc(year)}年）</h1>`,
    `<p class="count">共 ${items.length} 条</p>`,
    itemTable(path, slice, `${DISCLOSURE_KIND_LABELS[kind]}信息列表（${year}年，第 ${n} 页）`, { offset: (n - 1) * PAGE_SIZE, showNo: kind !== 'annual' }),
    pager(n, pages, (m) => (m === 1 ? 'index.html' : `page-${m}.html`)),
  ].join('\n');
  const crumbs = [{ label: '首页', href: 'index.html' }, { label: kindLabel(kind), href: kindHome(kind) }, { label: `${year}年` }];
  return page(site, { path, title: `${DISCLOSURE_KIND_LABELS[kind]}信息 ${year}年`, nav: navOf(kind), crumbs, body });
}

/** A kind's index: its years with counts and the latest items. */
export function kindPage(site: SiteContent, kind: DisclosureKind, items: SiteItem[]): string {
  const path = `${kind}/index.html`;
  const years = [...new Set(items.map((i) => i.date.slice(0, 4)))].sort().reverse();
  const yearLinks = years.length
    ? `<ul class="years">${years
        .map((y) => `<li><a href="${y}/index.html">${esc(y)}年</a><span class="c">（${items.filter((i) => i.date.startsWith(y)).length} 条）</span></li>`)
        .join('')}</ul>`
    : '';
  const body = [
    `<h1>${esc(DISCLOSURE_KIND_LABELS[kind])}信息公开</h1>`,
    years.length ? `<h2>按年度浏览</h2>${yearLinks}` : '',
    `<h2>最近公开</h2>`,
    itemTable(path, items.slice(0, PAGE_SIZE), `最近公开的${DISCLOSURE_KIND_LABELS[kind]}信息`, { showNo: kind !== 'annual', hideCaption: true }),
  ].join('\n');
  return page(site, { path, title: `${DISCLOSURE_KIND_LABELS[kind]}信息公开`, nav: navOf(kind), crumbs: [{ label: '首页', href: 'index.html' }, { label: kindLabel(kind) }], body });
}

/** 事前公开: every notice kind with its items. */
export function beforePage(site: SiteContent, byKind: Map<DisclosureKind, SiteItem[]>): string {
  const path = 'before/index.html';
  const blocks = NOTICE_KINDS.filter((k) => k !== 'annual').map((k) => {
    const items = byKind.get(k) ?? [];
    return `<section aria-labelledby="b-${k}"><h2 id="b-${k}">${esc(DISCLOSURE_KIND_LABELS[k])}</h2>${itemTable(path, items, DISCLOSURE_KIND_LABELS[k], { showNo: false, hideCaption: true })}</section>`;
  });
  const body = `<h1>事前公开</h1><p class="lead">执法主体、权责清单、执法人员、服务指南、执法流程和投诉举报渠道。</p>\n${blocks.join('\n')}`;
  return page(site, { path, title: '事前公开', nav: 'before', crumbs: [{ label: '首页', href: 'index.html' }, { label: '事前公开' }], body });
}

export function homePage(site: SiteContent, byKind: Map<DisclosureKind, SiteItem[]>): string {
  const path = 'index.html';
  const kinds = [...RESULT_KINDS, 'annual' as const];
  const blocks = kinds.map((k) => {
    const items = byKind.get(k) ?? [];
    const latest = items
      .slice(0, 5)
      .map((i) => `<li><a href="${itemPath(i)}">${esc(i.title)}</a><span class="d">${esc(i.date)}</span></li>`)
      .join('');
    return `<section class="box" aria-labelledby="h-${k}"><h2 id="h-${k}"><a href="${k}/index.html">${esc(DISCLOSURE_KIND_LABELS[k])}</a><span class="c">共 ${items.length} 条</span></h2>${latest ? `<ul class="latest">${latest}</ul>` : '<p class="empty">暂无公开信息。</p>'}</section>`;
  });
  const notices = NOTICE_KINDS.filter((k) => k !== 'annual')
    .map((k) => `<li><a href="before/index.html#b-${k}">${esc(DISCLOSURE_KIND_LABELS[k])}</a><span class="c">${(byKind.get(k) ?? []).length} 条</span></li>`)
    .join('');
  const body = `<h1 class="sr">${esc(site.bureau.websiteName)}</h1>
<form class="search" action="search.html" method="get" role="search"><label for="q">检索公开信息</label><input id="q" name="q" type="search" placeholder="输入标题、文号或当事人"><button type="submit">检索</button></form>
<div class="boxes">${blocks.join('\n')}
<section class="box" aria-labelledby="h-before"><h2 id="h-before"><a href="before/index.html">事前公开</a></h2><ul class="latest">${notices}</ul></section></div>`;
  return page(site, { path, title: '首页', nav: 'home', crumbs: [{ label: '首页' }], body });
}

export function searchPage(site: SiteContent): string {
  const options = [...RESULT_KINDS, ...NOTICE_KINDS].map((k) => `<option value="${k}">${esc(DISCLOSURE_KIND_LABELS[k])}</option>`).join('');
  const body = `<h1>信息检索</h1>
<form id="search-form" class="search" action="search.html" method="get" role="search">
<label for="q">关键词</label><input id="q" name="q" type="search" placeholder="标题、文号、当事人或年份">
<label for="kind">类别</label><select id="kind" name="kind"><option value="">全部类别</option>${options}</select>
<button type="submit">检索</button></form>
<div id="results" aria-live="polite"><noscript><p class="empty">检索需要启用浏览器的 JavaScript；也可以通过上方栏目按类别和年度浏览。</p></noscript></div>`;
  return page(site, { path: 'search.html', title: '信息检索', nav: 'search', crumbs: [{ label: '首页', href: 'index.html' }, { label: '信息检索' }], body, scripts: ['assets/search.js'] });
}

