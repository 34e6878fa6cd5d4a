import { parseHolidayData, type HolidayData } from '../../shared/logic/calendar.js';
import { validatePattern } from '../../shared/logic/case-number.js';
import { verifyAuditChain } from '../audit/audit-log.js';
import { CALENDAR_DOCUMENT } from '../app.js';
import { invalid } from '../errors.js';
import { toCsv } from '../util/csv.js';
import { dashboardSummary } from '../dashboard/dashboard.js';
import type { Handlers, OpsWithPrefix } from './context.js';
import { localDayStartUtc } from '../util/dates.js';
import { formatDateTime } from '../../shared/logic/text.js';

export const adminHandlers: Handlers<OpsWithPrefix<'settings.' | 'calendar.' | 'audit.'> | 'dashboard.summary'> = {
  'settings.get': ({ app }) => app.settings.get(),

  'settings.update': (ctx, patch) => {
    if (patch.caseNumberPattern !== undefined) {
      const problem = validatePattern(patch.caseNumberPattern);
      if (problem) throw invalid(`案件编号格式：${problem}`);
    }
    const before = ctx.app.settings.get();
    const after = ctx.app.settings.update(patch);
    const changed = Object.keys(patch) as (keyof typeof patch)[];
    ctx.audit('settings', 'bureau', Object.fromEntries(changed.map((k) => [k, { before: before[k], after: after[k] }])));
    return after;
  },

  'calendar.get': ({ app }) => ({ years: app.holidayData() }),

  'calendar.setYear': (ctx, { year, schedule }) => {
    const before = ctx.app.holidayData();
    let next: HolidayData;
    try {
      next = parseHolidayData({ ...before, [String(year)]: schedule });
    } catch (e) {
      throw invalid((e as Error).message);
    }
    ctx.app.settings.setDocument(CALENDAR_DOCUMENT, next);
    ctx.app.calendarChanged();
    ctx.audit('calendar', year, { before: before[String(year)] ?? null, after: next[String(year)] });
    return { years: next };
  },

  'calendar.addWorkdays': ({ app }, { date, days }) => {
    const cal = app.calendar();
    const result = cal.addWorkdays(date, days);
    return { date: result, covered: cal.covers(date) && cal.covers(result) };
  },

  'audit.list': ({ app }, { page, pageSize, from, to, ...f }) =>
    app.repos.auditQueries.page(
      { ...f, from: from ? localDayStartUtc(from) : undefined, to: to ? localDayStartUtc(to, 1) : undefined },
      page,
      pageSize,
    ),

  'audit.verify': ({ app }) => verifyAuditChain(app.db),

  'audit.export': (ctx, { from, to }) => {
    const rows: unknown[][] = [];
    for (const a of ctx.app.repos.auditQueries.iterate({
      from: from ? localDayStartUtc(from) : undefined,
      to: to ? localDayStartUtc(to, 1) : undefined,
    })) {
      rows.push([a.id, formatDateTime(a.at), a.username, a.operation, a.objectType, a.objectId, a.summary, a.hash]);
    }
    const csv = toCsv(['序号', '时间', '操作人', '操作', '对象类型', '对象编号', '内容摘要', '哈希'], rows);
    return { fileName: `审计记录_${from ?? '全部'}_${to ?? ctx.today()}.csv`, csv, rows: rows.length };
  },

  'dashboard.summary': (ctx) => dashboardSummary(ctx),
};

