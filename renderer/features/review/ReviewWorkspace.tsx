import { Alert, App, Button, Card, Descriptions, Flex, List, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../shared/logic/text.js';
import { DISCRETION_LABELS, DECISION_TYPE_LABELS, MEASURE_LABELS, REVIEW_FLAG_LABELS } from '../../../shared/review-domain.js';
import type { Change, ReviewItemDetail } from '../../../shared/review-types.js';
import { canOpen } from '../../app/nav.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { can, hasRole } from '../../lib/access.js';
import { call } from '../../lib/api.js';
import { downloadBase64 } from '../../lib/download.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { AssignModal } from './AssignModal.js';
import { ExtendModal } from './ExtendModal.js';
import { DueTag, HolderText, OutcomeTag, yuan } from './review-cells.js';
import { ReviewRecordForm } from './ReviewRecordForm.js';
import { RoundHistoryCard } from './RoundHistoryCard.js';

function ChangeTable({ rows }: { rows: Change[] }) {
  return (
    <Table<Change> size="small" rowKey="field" pagination={false} dataSource={rows}
      columns={[{ title: '项目', dataIndex: 'label', width: 160 }, { title: '原内容', dataIndex: 'before' }, { title: '现内容', dataIndex: 'after' }]} />
  );
}

/** 审核工作台: the submitted case, claim/release, and the reviewer's checklist and opinion. */
export function ReviewWorkspace({ id }: { id: number }) {
  const { me } = useSession();
  const { message } = App.useApp();
  const q = useQuery('review.get', { submissionId: id });
  const settings = useQuery('review.settings.get', {});
  const claim = useCommand('review.claim');
  const release = useCommand('review.release');
  const [dialog, setDialog] = useState<null | 'assign' | 'extend'>(null);
  const d = q.data;
  if (q.error && !d) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!d) return <Card><Skeleton active /></Card>;

  const p = d.proposal;
  const myId = me.user.id;
  const pending = d.status === 'pending';
  const heldByMe = !!d.holder && d.holder.id === myId;
  const heldByOther = pending && !!d.holder && d.holder.id !== myId;
  // A hold older than the setting lapses: another reviewer may take the item over.
  const holdLapsed = heldByOther && !!settings.data && Date.now() - Date.parse(d.holder!.since) >= settings.data.holdMinutes * 60_000;
  const assignedToOther = !!d.assignee && d.assignee.id !== myId;
  const canClaim = pending && can(me, 'review.claim') && !heldByMe && (!d.holder || holdLapsed) && !assignedToOther;
  const canExtend = pending && !d.extended && can(me, 'review.extend') && (hasRole(me, 'head') || d.assignee?.id === myId);
  const set = (r: { ok: boolean; value?: ReviewItemDetail }) => r.ok && r.value && q.setData(r.value);
  const closeWith = (v: ReviewItemDetail) => {
    q.setData(v);
    setDialog(null);
  };

  const downloadPdf = async () => {
    if (!d.outcomeInfo) return;
    const r = await call('records.content', { id: d.outcomeInfo.opinionRecordId });
    if (r.ok) downloadBase64(r.value.base64, r.value.mime, r.value.fileName);
    else message.error(r.error.message);
  };

  return (
    <>
      <PageTitle
        title={`法制审核：${d.caseNo}`}
        sub={`第 ${d.round} 轮送审`}
        extra={
          <>
            {canOpen(me, 'cases') && <Button onClick={() => navigate(`/cases/${d.caseId}`, { tab: 'review' })}>查看案件</Button>}
            {pending && can(me, 'review.assign') && <Button onClick={() => setDialog('assign')}>{d.assignee ? '重新分配' : '分配审核人员'}</Button>}
            {canExtend && <Button onClick={() => setDialog('extend')}>延长审核期限</Button>}
            {canClaim && <Button type="primary" loading={claim.pending} onClick={async () => set(await claim.run({ submissionId: id }, { success: '已开始审核' }))}>{holdLapsed ? '接手审核' : '开始审核'}</Button>}
            {pending && (heldByMe || (d.holder && hasRole(me, 'head'))) && (
              <Button loading={release.pending} onClick={async () => set(await release.run({ submissionId: id }, { success: heldByMe ? '已放弃审核占用' : '已解除审核占用' }))}>
                {heldByMe ? '放弃审核占用' : '解除审核占用'}
              </Button>
            )}
            {d.outcomeInfo && <Button onClick={downloadPdf}>下载审核意见书（PDF）</Button>}
          </>
        }
      />
      {heldByOther && (
        <Alert type={can(me, 'review.claim') && !canClaim ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }}
          title={`由${d.holder!.name}审核中（自 ${formatDateTime(d.holder!.since)} 起）`}
          description={
            canClaim
              ? '占用已超过设定时长，您可以接手审核。'
              : !can(me, 'review.claim')
                ? undefined
                : assignedToOther
                  ? `该事项已分配给${d.assignee!.name}审核。如需改由您审核，请联系负责人重新分配。`
                  : '为避免重复审核，请勿同时处理；如需改由您审核，请其放弃占用或联系负责人。'
          } />
      )}
      {pending && !heldByOther && assignedToOther && can(me, 'review.claim') && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`该事项已分配给${d.assignee!.name}审核`} description="如需改由您审核，请联系负责人重新分配。" />
      )}
      {d.stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="送审后案件内容有变更，请核对以下变更后再审核"
          description={<ChangeTable rows={d.changes} />} />
      )}
      <Card size="small" title="送审情况" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="案件名称">{d.caseTitle}</Descriptions.Item>
          <Descriptions.Item label="送审人">{d.submittedBy.name}（{d.submittedOn}）</Descriptions.Item>
          <Descriptions.Item label="审核期限">
            <DueTag due={d.due} done={!pending} />
            {d.extended && <Typography.Text type="secondary" style={{ marginLeft: 8 }}>已延期（原期限 {d.originalDueOn}）</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="审核人"><HolderText row={d} /></Descriptions.Item>
          <Descriptions.Item label="审核结果"><OutcomeTag outcome={d.outcome} /></Descriptions.Item>
          <Descriptions.Item label="承办人员">{d.handlers.map((h) => h.name).join('、')}</Descriptions.Item>
          {d.extended && <Descriptions.Item label="延期理由" span={3}>{d.extensionReason}</Descriptions.Item>}
          <Descriptions.Item label="目录适用" span={3}>
            {d.evaluation.matched.length ? d.evaluation.matched.map((m) => <Tag key={m.ruleId} color="blue">{m.title}</Tag>) : '未匹配目录规则'}
            {d.evaluation.requiresDiscussion && <Tag color="red">须集体讨论</Tag>}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="案件事实与当事人" style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.facts}</Typography.Paragraph>
        <Typography.Text type="secondary">当事人：</Typography.Text>{d.parties.map((x) => x.name).join('、')}
      </Card>
      <Card size="small" title="拟处理意见" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="决定类型">{DECISION_TYPE_LABELS[p.decisionType]}</Descriptions.Item>
          <Descriptions.Item label="处罚种类">{p.measures.map((m) => MEASURE_LABELS[m]).join('、') || '无'}</Descriptions.Item>
          <Descriptions.Item label="金额">{d.amountsByParty.map((a) => `${a.name}：罚款 ${yuan(a.fine)}${a.confiscation ? `，没收 ${yuan(a.confiscation)}` : ''}`).join('；') || '无'}</Descriptions.Item>
          <Descriptions.Item label="法律依据">{p.legalBasis}</Descriptions.Item>
          <Descriptions.Item label="裁量">{DISCRETION_LABELS[p.discretion]}{p.discretionNote && `（${p.discretionNote}）`}</Descriptions.Item>
          <Descriptions.Item label="情形">{p.flags.map((f) => REVIEW_FLAG_LABELS[f]).join('、') || '无'}</Descriptions.Item>
          <Descriptions.Item label="拟处理意见" span={2}>{p.summary}</Descriptions.Item>
          <Descriptions.Item label="承办人意见" span={2}>{d.handlerStatement}</Descriptions.Item>
        </Descriptions>
        {d.changesFromPreviousRound.length > 0 && (
          <>
            <Typography.Text strong>与上一轮送审相比的变化</Typography.Text>
            <ChangeTable rows={d.changesFromPreviousRound} />
          </>
        )}
      </Card>
      <Card size="small" title="送审材料" style={{ marginBottom: 12 }}>
        <List size="small" dataSource={d.materials} renderItem={(m) => (
          <List.Item>
            <Flex gap={12}><Typography.Text strong style={{ width: 200 }}>{m.label}</Typography.Text>
              <Space wrap>{m.records.length ? m.records.map((r) => <Tag key={r.id} color={r.superseded ? 'orange' : undefined}>{r.title}{r.version > 1 && `（第${r.version}版）`}{r.superseded && '（已有新版本）'}</Tag>) : <Typography.Text type="secondary">未提供</Typography.Text>}</Space>
            </Flex>
          </List.Item>
        )} />
        {d.statementWaived && <Tag>当事人放弃陈述申辩</Tag>}
        {d.hearingRequested && <Tag>当事人申请听证</Tag>}
      </Card>
      {d.outcomeInfo && (
        <Card size="small" title={`审核意见（${d.outcomeInfo.reviewer.name}，${d.outcomeInfo.recordedOn}）`}>
          <Descriptions size="small" column={1} bordered>
            {d.outcomeInfo.checklist.map((c) => (
              <Descriptions.Item key={c.item} label={c.label}>{c.resultLabel}{c.note && `：${c.note}`}</Descriptions.Item>
            ))}
            <Descriptions.Item label="审核结论"><OutcomeTag outcome={d.outcomeInfo.outcome} /></Descriptions.Item>
            <Descriptions.Item label="审核意见">{d.outcomeInfo.opinion}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {pending && heldByMe && <ReviewRecordForm submissionId={id} onDone={q.reload} />}
      <div style={{ marginTop: 12 }}><RoundHistoryCard key={`${d.status}-${d.outcome}`} caseId={d.caseId} current={d.submissionId} /></div>
      {dialog === 'assign' && <AssignModal item={d} onClose={() => setDialog(null)} onDone={closeWith} />}
      {dialog === 'extend' && <ExtendModal item={d} onClose={() => setDialog(null)} onDone={closeWith} />}
    </>
  );
}
