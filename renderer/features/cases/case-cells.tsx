import { Space, Tag, Typography } from 'antd';
import { STAGE_LABELS, type Stage } from '../../../shared/domain.js';
import type { CaseSummary } from '../../../shared/types.js';
import { href } from '../../app/router.js';

const STAGE_COLORS: Record<Stage, string> = {
  filing: 'blue',
  investigation: 'geekblue',
  review: 'purple',
  decision: 'magenta',
  service: 'orange',
  execution: 'gold',
  closing: 'green',
  archived: 'default',
};

export const StageTag = ({ stage }: { stage: Stage }) => <Tag color={STAGE_COLORS[stage]}>{STAGE_LABELS[stage]}</Tag>;

/** The stage of a case in a list; a voided case shows 已作废 instead. */
export const StageCell = ({ c }: { c: Pick<CaseSummary, 'stage' | 'status'> }) =>
  c.status === 'voided' ? <Tag>已作废</Tag> : <StageTag stage={c.stage} />;

/** The case number as a link; a voided number stays visible, struck through and tagged. */
export function CaseNoCell({ c, link = true }: { c: Pick<CaseSummary, 'id' | 'caseNo' | 'status'>; link?: boolean }) {
  const voided = c.status === 'voided';
  const no = (
    <span className={voided ? 'sx-voided-no' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {c.caseNo}
    </span>
  );
  return (
    <Space size={4} wrap={false}>
      {link ? (
        <Typography.Link href={href(`/cases/${c.id}`)} onClick={(e) => e.stopPropagation()}>
          {no}
        </Typography.Link>
      ) : (
        no
      )}
      {voided && <Tag color="default">已作废</Tag>}
    </Space>
  );
}

/** 办理期限: the due date, red with 超期 when passed. */
export function DueCell({ c }: { c: Pick<CaseSummary, 'dueOn' | 'overdue' | 'stage' | 'status'> }) {
  if (!c.dueOn || c.status === 'voided') return <>—</>;
  if (c.overdue)
    return (
      <Space size={4}>
        <Typography.Text type="danger">{c.dueOn}</Typography.Text>
        <Tag color="error">超期</Tag>
      </Space>
    );
  return <>{c.dueOn}</>;
}
