import { Alert, Button, Checkbox, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AvMatter, CaseAvGap, CaseAvGaps } from '../../../shared/media-types.js';
import { formatDateTime } from '../../../shared/logic/text.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { useCommand } from '../../lib/use-api.js';

const STATUS = {
  ok: <Tag color="success">已有音像记录</Tag>,
  missing: <Tag color="error">缺少音像记录</Tag>,
  explained: <Tag color="default">已说明无法记录</Tag>,
} as const;

/** 登记执法环节: which A/V-required matters happened in this case (those implied by the case type always count). */
function MattersModal({ caseId, gaps, matters, onClose, onDone }: { caseId: number; gaps: CaseAvGaps; matters: AvMatter[]; onClose: () => void; onDone: (g: CaseAvGaps) => void }) {
  const implied = new Set(gaps.matters.filter((m) => m.source === 'implied').map((m) => m.matter));
  const [value, setValue] = useState<string[]>(gaps.matters.filter((m) => m.source === 'declared').map((m) => m.matter));
  const save = useCommand('media.setCaseMatters');
  const submit = async () => {
    const r = await save.run({ caseId, matters: value.filter((k) => !implied.has(k)) }, { success: '已登记本案的执法环节' });
    if (r.ok) onDone(r.value);
  };
  return (
    <Modal open title="登记本案发生的执法环节" okText="保存" cancelText="取消" onOk={submit} onCancel={onClose} okButtonProps={{ loading: save.pending }}>
      <Typography.Paragraph type="secondary">勾选本案实际发生的、按规定须音像记录的执法环节。按案件类型必然发生的环节已自动计入。</Typography.Paragraph>
      <Checkbox.Group value={[...value, ...implied]} onChange={(v) => setValue(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {matters.map((m) => (
          <Checkbox key={m.key} value={m.key} disabled={implied.has(m.key)}>
            {m.label}
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {m.requirement === 'full' ? '全程音像记录' : '音像记录'}{implied.has(m.key) ? '（按案件类型自动计入）' : ''}
            </Typography.Text>
          </Checkbox>
        ))}
      </Checkbox.Group>
    </Modal>
  );
}

/** 无法记录说明: signed by the officer (their account), kept unchangeable. */
function StatementModal({ caseId, gap, onClose, onDone }: { caseId: number; gap: CaseAvGap; onClose: () => void; onDone: (g: CaseAvGaps) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const save = useCommand('media.recordNoRecordingReason');
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const r = await save.run({ caseId, matter: gap.matter, reason: v.reason.trim() }, { success: '无法记录说明已保存' });
    if (r.ok) onDone(r.value);
  };
  return (
    <Modal open title={`无法音像记录说明 — ${gap.label}`} okText="签署并保存" cancelText="取消" onOk={submit} onCancel={onClose} okButtonProps={{ loading: save.pending }}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="说明以您的名义签署，保存后不能修改，并记入审计记录。" />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="reason" label="无法记录的原因" rules={[{ required: true, whitespace: true, message: '请填写无法记录的原因' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} placeholder="例如：执法记录仪电量耗尽，已由两名见证人在笔录上签字" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Required A/V matters of a case against its footage: the "缺少音像记录" check. */
export function CaseAvGapsPanel({ caseId, gaps, matters, readOnly, onChange }: {
  caseId: number;
  gaps: CaseAvGaps;
  matters: AvMatter[];
  readOnly: boolean;
  onChange: (g: CaseAvGaps) => void;
}) {
  const { me } = useSession();
  const [editing, setEditing] = useState(false);
  const [explaining, setExplaining] = useState<CaseAvGap | null>(null);
  const canExplain = !readOnly && can(me, 'media.recordNoRecordingReason');

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>须音像记录的执法环节</Typography.Text>
        {!readOnly && can(me, 'media.setCaseMatters') && <Button size="small" onClick={() => setEditing(true)}>登记执法环节</Button>}
      </Flex>
      {gaps.flag ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${gaps.flag}：${gaps.missing} 个环节既没有关联的音像记录，也没有无法记录说明`}
          description={gaps.untagged ? `另有 ${gaps.untagged} 个已关联的音像记录尚未选择“音像记录事项”，标注后可能补上缺项。` : '请关联对应环节的音像记录（标注时选择事项），或由执法人员填写无法记录说明。'}
        />
      ) : gaps.matters.length ? (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} title="须音像记录的环节均已有音像记录或无法记录说明" />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title="本案尚无须音像记录的执法环节" description="发生现场检查、查封扣押、听证、留置送达等环节时，请点击“登记执法环节”。" />
      )}
      {gaps.matters.length > 0 && (
        <Table<CaseAvGap>
          size="small"
          rowKey="matter"
          pagination={false}
          dataSource={gaps.matters}
          style={{ marginBottom: 16 }}
          columns={[
            { title: '执法环节', dataIndex: 'label', width: 140 },
            { title: '要求', key: 'req', width: 120, render: (_v, g) => (g.requirement === 'full' ? '全程音像记录' : '音像记录') },
            { title: '依据', key: 'source', width: 130, render: (_v, g) => (g.source === 'declared' ? '承办人登记' : '按案件类型') },
            { title: '音像记录', dataIndex: 'footage', width: 90, render: (n: number) => `${n} 个` },
            {
              title: '状态',
              key: 'status',
              render: (_v, g) => (
                <>
                  {STATUS[g.status]}
                  {g.statement && (
                    <Typography.Text type="secondary">
                      {g.statement.officerName}：{g.statement.reason}（{formatDateTime(g.statement.recordedAt)}）
                    </Typography.Text>
                  )}
                </>
              ),
            },
            ...(canExplain && gaps.missing > 0
              ? [{ title: '操作', key: 'act', width: 150, render: (_v: unknown, g: CaseAvGap) => (g.status === 'missing' ? <a onClick={() => setExplaining(g)}>填写无法记录说明</a> : null) }]
              : []),
          ]}
        />
      )}
      {editing && <MattersModal caseId={caseId} gaps={gaps} matters={matters} onClose={() => setEditing(false)} onDone={(g) => { setEditing(false); onChange(g); }} />}
      {explaining && <StatementModal caseId={caseId} gap={explaining} onClose={() => setExplaining(null)} onDone={(g) => { setExplaining(null); onChange(g); }} />}
    </>
  );
}
