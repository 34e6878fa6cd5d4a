import { Tag } from 'antd';
import type { DueInfo } from '../../../shared/logic/review-due.js';
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

export function HolderText({ row }: { row: ReviewQueueRow }) {
  if (row.holder) return <span>{row.holder.name}（{row.holder.since.slice(0, 10)} 起审核）</span>;
  if (row.assignee) return <span>已分配：{row.assignee.name}</span>;
  return <span style={{ color: '#999' }}>未认领</span>;
}

export const yuan = (n: number): string => `${n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 元`;
