// One 公示 item: its state and deadlines, the redaction review with highlighted findings, the
// actions its state allows, and its history.
import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Spin, Tag, Timeline, Typography } from 'antd';
import type { DisclosureDetail } from '../../../shared/disclosure-types.js';
import { formatDate, formatDateTime } from '../../../shared/logic/text.js';
import { DISCLOSURE_STATE_LABELS, PARTY_TYPE_LABELS } from '../../../shared/disclosure-domain.js';
import { href, navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { can } from '../../lib/access.js';
import { useQuery } from '../../lib/use-api.js';
import { FindingsPanel } from './FindingsPanel.js';
import { ItemActions } from './ItemActions.js';

const day = (s: string | null | undefined) => (s ? formatDate(s) || '—' : '—');
const money = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN')} 元`);

function StateBanner({ d }: { d: DisclosureDetail }) {
  if (d.state === 'draft' && d.rejectReason) return <Alert type="warning" showIcon title={`已被退回：${d.rejectReason}`} style={{ marginBottom: 12 }} />;
  if (d.state === 'approved') return <Alert type="success" showIcon title={`已由 ${d.approvedBy ?? ''} 于 ${day(d.approvedAt)} 审核通过，等待发布网站`} style={{ marginBottom: 12 }} />;
  if (d.state === 'withdrawn')
    return <Alert type="error" showIcon title={`已撤下（事件日期 ${day(d.withdrawEventOn)}）：${d.withdrawReason ?? ''}${d.takenDownAt ? `，已于 ${day(d.takenDownAt)} 从网站删除` : `，须在 ${day(d.takedownDueOn)} 前发布网站完成删除`}`} style={{ marginBottom: 12 }} />;
  if (d.overdue) return <Alert type="error" showIcon title={`已超过公示期限（${d.publishDueOn ?? d.withdrawDueOn}），请尽快处理`} style={{ marginBottom: 12 }} />;
  return null;
}

export function DisclosureDetailPage({ id }: { id: number }) {
  const { me } = useSession();
  const q = useQuery('disclosure.get', { id });
  const d = q.data;
  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!d) return <Spin />;
  const editable = d.state === 'draft' && can(me, 'disclosure.setFindings');
  const r = d.result;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <a href={href('/disclosure')}>公示</a> }, { title: d.title || `事项 ${d.id}` }]} />
      <PageTitle
        title={d.title || '（未填写标题）'}
        sub={
          <>
            <Tag>{d.kindLabel}</Tag>
            <Tag color={d.state === 'published' ? 'green' : d.state === 'withdrawn' ? 'red' : 'blue'} data-testid="state-tag">{d.stateLabel}</Tag>
            {d.version > 1 && <Tag>{`第 ${d.version} 版`}</Tag>}
          </>
        }
      />
      <StateBanner d={d} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <ItemActions item={d} onChange={q.setData} />
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={16}>
          <FindingsPanel item={d} editable={editable} onChange={q.setData} />
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="基本信息" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="起草人">{d.author}</Descriptions.Item>
              <Descriptions.Item label="公开日期">{d.itemDate || '—'}</Descriptions.Item>
              {d.caseNo && (
                <Descriptions.Item label="案件">
                  <a onClick={() => d.caseId && navigate(`/cases/${d.caseId}`)}>{d.caseNo}</a>
                </Descriptions.Item>
              )}
              {r && <Descriptions.Item label="当事人类型">{PARTY_TYPE_LABELS[r.partyType]}{d.partyIsMinor ? '（未成年人）' : ''}</Descriptions.Item>}
              {r && <Descriptions.Item label="罚款金额">{money(r.fine)}</Descriptions.Item>}
              {r && r.confiscation !== null && <Descriptions.Item label="没收金额">{money(r.confiscation)}</Descriptions.Item>}
              <Descriptions.Item label="发布期限">{d.publishDueOn ?? '—'}</Descriptions.Item>
              {d.withdrawDueOn && <Descriptions.Item label="撤下期限">{d.withdrawDueOn}</Descriptions.Item>}
              {d.approvedBy && <Descriptions.Item label="审核人">{`${d.approvedBy}（${day(d.approvedAt)}）`}</Descriptions.Item>}
              {d.firstPublishedAt && <Descriptions.Item label="首次发布">{day(d.firstPublishedAt)}</Descriptions.Item>}
              {d.correctionNote && <Descriptions.Item label="更正说明">{d.correctionNote}</Descriptions.Item>}
              <Descriptions.Item label="网站地址">
                <Typography.Text code>{d.sitePath}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {d.versions.length > 1 && (
            <Card size="small" title="版本" style={{ marginBottom: 12 }}>
              {d.versions.map((v) => (
                <div key={v.id}>
                  {v.id === d.id ? <b>{`第 ${v.version} 版`}</b> : <a href={href(`/disclosure/${v.id}`)}>{`第 ${v.version} 版`}</a>}
                  {`　${DISCLOSURE_STATE_LABELS[v.state]}`}
                  {v.correctionNote ? `　更正：${v.correctionNote}` : ''}
                </div>
              ))}
            </Card>
          )}
          <Card size="small" title="处理记录">
            <Timeline
              items={d.events.map((e) => ({
                content: (
                  <>
                    <div>{`${e.actionLabel}　${e.by}`}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(e.at)}</Typography.Text>
                    {e.note && <div style={{ fontSize: 12 }}>{e.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
