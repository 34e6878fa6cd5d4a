// Where a 工作台 alert or to-do lands: the services describe it as {page, filter}; this maps it to the
// screen and URL query that shows exactly those rows, and says whether the user may open that screen.
import type { Me } from '../../../shared/types.js';
import type { AlertLink } from '../../../shared/supervision-types.js';
import { can } from '../../lib/access.js';
import { activeNav, visibleNav } from '../../app/nav.js';

export interface LinkTarget {
  path: string;
  query: Record<string, string>;
}

/** Filter values as URL query strings: true → '1', false → '0'; empty values left out. */
export function toQuery(filter: Record<string, unknown>): Record<string, string> {
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === null || v === '') continue;
    q[k] = v === true ? '1' : v === false ? '0' : String(v);
  }
  return q;
}

/** The screen of an alert link, or null when no screen lists those rows. */
export function linkTarget(link: AlertLink): LinkTarget | null {
  const f = link.filter;
  switch (link.page) {
    case 'cases':
      return { path: '/cases', query: toQuery(f) };
    case 'case':
      return { path: `/cases/${Number(f.id)}`, query: {} };
    case 'reviews':
      if (f.overdue) return { path: '/review', query: { tab: 'overdue' } };
      if (f.queue) return { path: '/review', query: { tab: 'queue' } };
      return null;
    case 'media': {
      // One clip opens its page; the vault its 证据库 tab; otherwise the 音像记录 tab with its own URL filter names.
      if (f.id) return { path: `/media/${Number(f.id)}`, query: {} };
      if (f.tab === 'vault') return { path: '/media', query: { tab: 'vault' } };
      const q: Record<string, string> = { tab: 'library' };
      if (f.annotated === false) q.annotated = 'no';
      if (f.annotated === true) q.annotated = 'yes';
      if (f.unannotatedOlderThanDays) q.stale = '1';
      if (f.officerId) q.officerId = String(f.officerId);
      if (f.caseId) q.caseId = String(f.caseId);
      return { path: '/media', query: q };
    }
    case 'officers':
      return { path: '/settings', query: { tab: 'officers', ...toQuery(f) } };
    case 'ledger':
      return { path: '/ledgers', query: toQuery(f) };
    case 'disclosures': {
      const { state, ...rest } = f;
      return { path: '/disclosure', query: { tab: state ? String(state) : rest.overdue ? 'overdue' : 'draft', ...toQuery(state ? rest : {}) } };
    }
    case 'report':
      return { path: '/annual', query: toQuery(f) };
    case 'settings':
      return f.section === 'backup' || f.section === 'storage' ? { path: '/settings', query: { tab: 'backup' } } : { path: '/settings', query: {} };
    case 'backup':
      return { path: '/settings', query: { tab: 'backup' } };
    default:
      return null;
  }
}

/** Whether the user's navigation includes the screen (and, for 法制审核 and 证据库, the tab). */
export function canOpen(me: Me, t: LinkTarget): boolean {
  if (!activeNav(visibleNav(me), t.path)) return false;
  // The same test as MediaPage's for showing the tab.
  if (t.path === '/media' && t.query.tab === 'vault') return can(me, 'media.retentionCandidates');
  if (t.path === '/review') return can(me, t.query.tab === 'overdue' ? 'review.overdue' : t.query.tab === 'open' ? 'review.open' : 'review.queue');
  return true;
}

/** The target of a link when this user may open it, else null (the caller lists the items instead). */
export function reachableTarget(me: Me, link: AlertLink): LinkTarget | null {
  let t = linkTarget(link);
  // Reviews due soon: a head who does not review sees every open round, due soonest first.
  if (t?.path === '/review' && t.query.tab === 'queue' && !can(me, 'review.queue') && can(me, 'review.open')) t = { path: '/review', query: { tab: 'open' } };
  // The vault check: an auditor runs it on the 审计 page (see AuditPage).
  if (t?.path === '/media' && t.query.tab === 'vault' && !can(me, 'media.retentionCandidates') && can(me, 'media.verifyStart')) t = { path: '/audit', query: {} };
  return t && canOpen(me, t) ? t : null;
}
