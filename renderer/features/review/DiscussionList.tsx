import { Descriptions, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../shared/logic/text.js';
import type { DiscussionConclusion } from '../../../shared/review-domain.js';
import type { DiscussionInfo } from '../../../shared/review-types.js';

const CONCLUSION_COLORS: Record<DiscussionConclusion, string> = { approve: 'green', approveChanged: 'green', resubmit: 'orange', transfer: 'purple' };

export function ConclusionTag({ d }: { d: DiscussionInfo }) {
  return <Tag color={CONCLUSION_COLORS[d.conclusion]}>{d.conclusionLabel}</Tag>;
}

/** The collective discussions of a case (集体讨论记录), newest last, each with its minutes. */
export function DiscussionList({ items, roundOf }: { items: DiscussionInfo[]; roundOf?: (submissionId: number | null) => number | undefined }) {
  return (
    <>
      {items.map((d) => {
        const round = roundOf?.(d.submissionId);
        return (
          <Descriptions
            key={d.id}
            size="small"
            bordered
            column={2}
            style={{ marginBottom: 12 }}
            title={`集体讨论（${d.heldOn}）${round ? `　针对第 ${round} 轮审核意见` : ''}`}
            extra={<Typography.Text type="secondary">{`${d.recordedBy.name} 记录于 ${formatDateTime(d.recordedAt)}`}</Typography.Text>}
          >
            <Descriptions.Item label="参加人员" span={2}>{d.participants.join('、')}</Descriptions.Item>
            <Descriptions.Item label="讨论结论" span={2}>
              <ConclusionTag d={d} />
              {d.note && <Typography.Text>{d.note}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label="讨论记录" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 4, expandable: true, symbol: '展开全文' }}>
                {d.minutes}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        );
      })}
    </>
  );
}
