// Deadline tags in working days, from disclosure.deadlines.
import { Tag } from 'antd';
import type { DeadlineEntry, DisclosureDeadlines, DisclosureSummary } from '../../../shared/disclosure-types.js';

export type DeadlineInfo = { entry: DeadlineEntry; what: '发布' | '撤下' };

/** id → the most urgent deadline of the item. */
export function deadlineMap(d: DisclosureDeadlines | undefined): Map<number, DeadlineInfo> {
  const map = new Map<number, DeadlineInfo>();
  if (!d) return map;
  const add = (list: DeadlineEntry[], what: DeadlineInfo['what']) => {
    for (const e of list) {
      const prev = map.get(e.id);
      if (!prev || e.workdaysLeft < prev.entry.workdaysLeft) map.set(e.id, { entry: e, what });
    }
  };
  add(d.publishOverdue, '发布');
  add(d.publishAtRisk, '发布');
  add(d.withdrawOverdue, '撤下');
  add(d.withdrawAtRisk, '撤下');
  add(d.takedownDue, '撤下');
  return map;
}

export function DeadlineTag({ row, info }: { row: DisclosureSummary; info?: DeadlineInfo }) {
  if (info) {
    const n = info.entry.workdaysLeft;
    if (n < 0) return <Tag color="red">{`${info.what}逾期 ${-n} 个工作日`}</Tag>;
    if (n === 0) return <Tag color="volcano">{`今日须${info.what}`}</Tag>;
    return <Tag color="orange">{`${info.what}剩 ${n} 个工作日`}</Tag>;
  }
  if (row.overdue) return <Tag color="red">已逾期</Tag>;
  const due = row.withdrawDueOn ?? row.publishDueOn;
  if (due && (row.state === 'draft' || row.state === 'pending' || row.state === 'approved' || row.withdrawDueOn)) {
    return <Tag>{`期限 ${due}`}</Tag>;
  }
  return null;
}
