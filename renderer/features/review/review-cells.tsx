import { Tag } from 'antd';
import type { DueInfo } from '../../../shared/logic/review-due.js';
import { formatDateTime } from '../../../shared/logic/text.js';
import { REVIEW_OUTCOME_LABELS, type ReviewOutcome } from '../../../shared/review-domain.js';
import type { ReviewQueueRow } from '../../../shared/review-types.js';

/** Small display pieces shared by the review screens. */

const OUTCOME_COLORS: Record<ReviewOutcome, string> = { agree: 'green', change: 'orange', correct: 'orange', return: 'red', transfer: 'purple' };

export function OutcomeTag({ outcome }: { outcome: ReviewOutcome | null }) {
  if (!outcome) return <Tag>待审核</Tag>;
  return <Tag color={OUTCOME_COLORS[outcome]}>{REVIEW_OUTCOME_LABELS[outcome]}</Tag>;
}

export function DueTag({ due, done }: { due: DueInfo; done?: boolean }) {
  if (done) return <span>{due.dueOn}</span>;
  const color = due.state === 'overdue' ? 'red' : due.workdaysLeft <= 1 ? 'orange' : 'blue';
  return <Tag color={color}>{due.label}</Tag>;
}

/** Who works on a round: the holder (由 X 审核中), else the assignee, else nobody yet. */
export function HolderText({ row }: { row: ReviewQueueRow }) {
  if (row.holder) return <span title={`自 ${formatDateTime(row.holder.since)} 起`}>由{row.holder.name}审核中</span>;
  if (row.assignee) return <span>已分配：{row.assignee.name}</span>;
  return <span style={{ color: '#999' }}>未认领</span>;
}

/** The due date, with 已延期 and the original date when the round was extended. */
export function DueCell({ row }: { row: ReviewQueueRow }) {
  return (
    <>
      <DueTag due={row.due} done={row.status === 'done'} />
      {row.extended && <Tag color="gold" title={`原期限 ${row.originalDueOn}`}>已延期</Tag>}
    </>
  );
}

export const yuan = (n: number): string => `${n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 元`;
