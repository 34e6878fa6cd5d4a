import type { CaseDetail, TimelineEvent } from '../../shared/types.js';
import { STAGE_LABELS } from '../../shared/domain.js';
import { contract, isOpName } from '../../shared/contract/index.js';
import type { AppContext } from '../app.js';
import { notFound } from '../errors.js';
import { isOverdue } from './cases-query.js';

/** Everything about one case, with a merged timeline of stages, records and audit entries. */
export function loadCaseDetail(app: AppContext, id: number, today: string): CaseDetail {
  const { cases, auditQueries } = app.repos;
  const c = cases.get(id);
  if (!c) throw notFound('该案件');
  const stages = cases.stages(id);
  const records = cases.records(id);
  const timeline: TimelineEvent[] = [
    ...stages.map((s) => ({
      at: s.createdAt,
      kind: 'stage' as const,
      title: `进入“${STAGE_LABELS[s.stage]}”环节（${s.enteredOn}）`,
      detail: s.note,
      by: s.by,
    })),
    ...records.map((r) => ({
      at: r.createdAt,
      kind: 'record' as const,
      title: `${r.kind === 'attachment' ? '上传附件' : '添加记录'}：${r.title}${r.version > 1 ? `（第 ${r.version} 版）` : ''}`,
      detail: r.fileName ?? r.body.slice(0, 120),
      by: r.createdBy,
    })),
    ...auditQueries
      .forObject('case', id)
      .filter((a) => a.operation !== 'cases.advanceStage' && a.operation !== 'cases.addRecord')
      .map((a) => ({ at: a.at, kind: 'audit' as const, title: auditTitle(a.operation), detail: '', by: displayName(app, a.username) })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const { year: _y, seq: _s, ...rest } = c;
  return {
    ...rest,
    overdue: isOverdue(c, today),
    parties: cases.parties(id),
    handlers: cases.handlers(id),
    stages,
    records,
    timeline,
  };
}

const displayName = (app: AppContext, username: string) => app.repos.users.byUsername(username)?.displayName ?? username;
const auditTitle = (op: string) => (isOpName(op) ? contract[op].title : op);
