import type { OpInput } from '../../shared/contract/index.js';
import { DISCLOSURE_KIND_LABELS, DISCLOSURE_STATE_LABELS } from '../../shared/disclosure-domain.js';
import type { DisclosureDetail, DisclosureList, DisclosureSummary } from '../../shared/disclosure-types.js';
import type { AppContext } from '../app.js';
import { itemOrThrow } from './edit.js';
import { evaluate } from './evaluate.js';
import { disclosureRepo, type Item } from './repo.js';
import { SITE_CSS } from './site/assets.js';
import { itemPath } from './site/html.js';
import { detailPage } from './site/pages.js';

const ACTION_LABELS: Record<string, string> = {
  create: '起草',
  update: '修改',
  findings: '调整脱敏标记',
  submit: '提交审核',
  approve: '审核通过',
  reject: '退回修改',
  reopen: '退回草稿',
  withdraw: '撤回',
  correct: '更正（新版本）',
  publish: '发布上线',
  takedown: '已从网站撤下',
};

export function isOverdue(i: Pick<Item, 'state' | 'publishDueOn' | 'withdrawDueOn' | 'takenDownAt'>, today: string): boolean {
  if ((i.state === 'draft' || i.state === 'pending' || i.state === 'approved') && i.publishDueOn) return i.publishDueOn < today;
  if (i.state === 'withdrawn' && !i.takenDownAt && i.withdrawDueOn) return i.withdrawDueOn < today;
  return false;
}

function summary(i: Item, extra: { caseNo: string | null; author: string }, today: string): DisclosureSummary {
  return {
    id: i.id,
    seriesId: i.seriesId,
    version: i.version,
    kind: i.kind,
    kindLabel: DISCLOSURE_KIND_LABELS[i.kind],
    state: i.state,
    stateLabel: DISCLOSURE_STATE_LABELS[i.state],
    title: i.title,
    itemDate: i.itemDate,
    caseId: i.caseId,
    caseNo: extra.caseNo,
    decisionId: i.decisionId,
    decisionNo: i.result?.decisionNo ?? '',
    author: extra.author,
    publishDueOn: i.publishDueOn,
    overdue: isOverdue(i, today),
    withdrawDueOn: i.withdrawDueOn,
    correctionNote: i.correctionNote,
    updatedAt: i.updatedAt,
  };
}

const extraOf = (app: AppContext, i: Item) => ({
  caseNo: i.caseId ? (app.repos.cases.get(i.caseId)?.caseNo ?? null) : null,
  author: (app.db.prepare('SELECT display_name AS n FROM users WHERE id = ?').get(i.createdBy) as { n: string } | undefined)?.n ?? '',
});

export function listItems(app: AppContext, input: OpInput<'disclosure.list'>, today: string): DisclosureList {
  const where: string[] = [];
  const args: Record<string, unknown> = { today };
  if (input.state) {
    where.push('d.state = @state');
    args.state = input.state;
  } else where.push(`d.state <> 'superseded'`);
  if (input.kind) {
    where.push('d.kind = @kind');
    args.kind = input.kind;
  }
  if (input.overdue) {
    where.push(`((d.state IN ('draft','pending','approved') AND d.publish_due_on < @today)
      OR (d.state = 'withdrawn' AND d.taken_down_at IS NULL AND d.withdraw_due_on < @today))`);
  }
  if (input.caseId) {
    where.push('d.case_id = @caseId');
    args.caseId = input.caseId;
  }
  if (input.q) {
    where.push(`(d.title LIKE @q ESCAPE '\\' OR d.fields LIKE @q ESCAPE '\\' OR c.case_no LIKE @q ESCAPE '\\')`);
    args.q = `%${input.q.replace(/[\\%_]/g, '\\$&')}%`;
  }
  const from = `FROM disclosure_items d LEFT JOIN cases c ON c.id = d.case_id LEFT JOIN users u ON u.id = d.created_by WHERE ${where.join(' AND ')}`;
  const total = (app.db.prepare(`SELECT count(*) AS n ${from}`).get(args) as { n: number }).n;
  const rows = app.db
    .prepare(
      `SELECT d.id, c.case_no AS caseNo, u.display_name AS author ${from}
       ORDER BY (d.state IN ('draft','pending','approved') AND d.publish_due_on IS NOT NULL) DESC,
         CASE WHEN d.state IN ('draft','pending','approved') THEN d.publish_due_on END,
         d.item_date DESC, d.id DESC
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as { id: number; caseNo: string | null; author: string }[];
  const repo = disclosureRepo(app);
  return {
    rows: rows.map((r) => summary(repo.get(r.id)!, { caseNo: r.caseNo, author: r.author ?? '' }, today)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export function itemDetail(app: AppContext, id: number, today: string): DisclosureDetail {
  const item = itemOrThrow({ app }, id);
  const repo = disclosureRepo(app);
  const ev = evaluate(app, item, today);
  const name = (uid: number | null) =>
    uid == null ? null : ((app.db.prepare('SELECT display_name AS n FROM users WHERE id = ?').get(uid) as { n: string } | undefined)?.n ?? null);
  return {
    ...summary(item, extraOf(app, item), today),
    result: item.result,
    notice: item.notice,
    partyIsPerson: item.redaction.partyIsPerson,
    partyIsMinor: item.redaction.partyIsMinor,
    otherPersonNames: item.redaction.otherPersonNames,
    image: item.imageSha256 ? { sha256: item.imageSha256, name: item.imageName ?? '', mime: item.imageMime ?? '' } : null,
    fields: ev.redacted.views,
    kept: item.kept,
    staleMasks: ev.redacted.stale,
    check: ev.check,
    contentHash: item.contentHash,
    approvedBy: name(item.approvedBy),
    approvedAt: item.approvedAt,
    writtenBy: [...new Set([item.createdBy, ...item.editors])],
    rejectReason: item.rejectReason,
    withdrawEvent: item.withdrawEvent,
    withdrawReason: item.withdrawReason,
    withdrawEventOn: item.withdrawEventOn,
    takenDownAt: item.takenDownAt,
    takedownDueOn: item.takedownDueOn,
    firstPublishedAt: item.firstPublishedAt,
    sitePath: itemPath({ kind: item.kind, date: item.itemDate, seriesId: item.seriesId }),
    events: repo.events(item.seriesId).map((e) => ({ ...e, actionLabel: ACTION_LABELS[e.action] ?? e.action })),
    versions: repo.series(item.seriesId).map((v) => ({ id: v.id, version: v.version, state: v.state, correctionNote: v.correctionNote })),
  };
}

/** The item's page as the site will show it (style sheet inlined), for the in-app preview. */
export function previewItem(app: AppContext, id: number, today: string): { html: string; path: string } {
  const item = itemOrThrow({ app }, id);
  const frozen = item.publicContent;
  const pub = frozen ?? evaluate(app, item, today).pub;
  const site = loadSiteContentShell(app);
  const siteItem = { ...pub, seriesId: item.seriesId, version: item.version };
  let html = detailPage(site, siteItem).replace(/<link rel="stylesheet" href="[^"]*site\.css">/, `<style>${SITE_CSS}</style>`);
  if (pub.image) {
    // The preview has no site around it: the image goes inline.
    const data = `data:${pub.image.mime};base64,${app.vault.read(pub.image.sha256).toString('base64')}`;
    html = html.split(`src="${siteItem.seriesId}.${pub.image.ext}"`).join(`src="${data}"`);
  }
  return { html, path: itemPath(siteItem) };
}

/** The bureau part of the site content (no items), for previews. */
function loadSiteContentShell(app: AppContext) {
  const bureau = app.repos.bureau.get();
  return {
    bureau: {
      name: bureau?.name ?? '',
      websiteName: bureau?.websiteName ?? '',
      address: bureau?.address ?? '',
      phone: bureau?.phone ?? '',
      creditCode: bureau?.creditCode ?? '',
    },
    baseUrl: '',
    items: [],
  };
}
