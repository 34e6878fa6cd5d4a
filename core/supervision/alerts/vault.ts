import { formatDate, formatDateTime } from '../../../shared/logic/text.js';
import type { AlertItem, AlertLink } from '../../../shared/supervision-types.js';
import { lastVerifyFindings, ownersOf } from '../../ingest/vault-verify.js';
import { getMediaSettings } from '../../media/media-settings.js';
import { hasMedia } from '../tables.js';
import { alertIf, ITEM_LIMIT, type AlertRule } from './types.js';

const DAY = 86_400_000;
/** The automatic check may be late by a few days (the computer was off, a check was cancelled). */
const GRACE_DAYS = 7;

const VAULT_TAB: AlertLink = { page: 'media', filter: { tab: 'vault' } };

/**
 * The evidence vault: the last completed check found files changed or missing (danger, one item per
 * file, until a check finds none), or no check for longer than the automatic check's interval
 * plus a week (warning). The last check is read from the audit trail.
 */
export const vaultAlerts: AlertRule = ({ app, now }) => {
  if (!hasMedia(app.db)) return [];
  const out = [];
  const found = lastVerifyFindings(app);
  const last = found?.last ?? null;
  if (found && !found.last.ok) {
    const when = `上次校验 ${formatDateTime(found.last.at)}（${found.last.by}）`;
    const problems = [...found.mismatched.map((sha) => ({ sha, what: '内容与导入时不一致' })), ...found.missing.map((sha) => ({ sha, what: '文件缺失' }))];
    const items: AlertItem[] = problems.slice(0, ITEM_LIMIT).map(({ sha, what }) => {
      const owner = ownersOf(app, sha)[0];
      // A clip names the cases it is evidence in; a case attachment's label already names its case.
      const cases = owner?.mediaId && owner.cases.length ? `，案件证据 ${owner.cases.join('、')}` : '';
      return {
        id: sha,
        label: owner?.label ?? '未被引用的证据库文件',
        detail: `${what}${cases}；${when}`,
        ...(owner?.mediaId ? { link: { page: 'media' as const, filter: { id: owner.mediaId } } } : owner?.caseId ? { link: { page: 'case' as const, filter: { id: owner.caseId } } } : {}),
      };
    });
    out.push(...alertIf('vault.problems', 'danger', '证据库校验发现问题', problems.length, VAULT_TAB, items));
  }

  const every = getMediaSettings(app).verifyEveryDays;
  if (every > 0) {
    const oldest = app.db.prepare(`SELECT min(stored_at) AS at FROM vault_objects`).get() as { at: string | null };
    const since = last?.at ?? oldest.at;
    if (oldest.at && since && now.getTime() - Date.parse(since) > (every + GRACE_DAYS) * DAY) {
      const days = Math.floor((now.getTime() - Date.parse(since)) / DAY);
      const detail = last
        ? `上次校验 ${formatDateTime(last.at)}（${last.by}），已 ${days} 天。自动校验每 ${every} 天一次，可能因电脑未开机或校验被取消而未进行，请管理员在“音视频—证据库”中校验一次。`
        : `从未校验过；最早的文件于 ${formatDate(oldest.at)} 存入，已 ${days} 天。请管理员在“音视频—证据库”中校验一次。`;
      out.push(...alertIf('vault.unverified', 'warning', `证据库超过 ${every} 天未校验`, 1, VAULT_TAB, [{ id: 'last', label: '证据库完整性校验', detail }]));
    }
  }
  return out;
};
