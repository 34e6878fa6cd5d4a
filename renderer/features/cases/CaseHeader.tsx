import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Steps, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { CASE_TYPE_LABELS, PROCEDURE_LABELS, STAGES, STAGE_LABELS } from '../../../shared/domain.js';
import type { CaseDetail } from '../../../shared/types.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { can, hasRole } from '../../lib/access.js';
import { call } from '../../lib/api.js';
import { ArchiveButton } from '../archive/ArchiveButton.js';
import { AdvanceStageModal } from './AdvanceStageModal.js';
import { VoidCaseModal } from './VoidCaseModal.js';

/** Number, title, type, procedure, the stage bar, and the 推进环节 / 作废编号 actions. */
export function CaseHeader({ c, readOnly, onChange }: { c: CaseDetail; readOnly: boolean; onChange: (d: CaseDetail) => void }) {
  const { me } = useSession();
  const [advancing, setAdvancing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const voided = c.status === 'voided';
  const current = STAGES.indexOf(c.stage);
  const enteredOn = new Map(c.stages.map((s) => [s.stage, s.enteredOn]));
  // After 结案 the only step left is 归档, which builds the case-file package (ArchiveButton).
  const canAdvance = !readOnly && can(me, 'cases.advanceStage') && c.stage !== 'closing';
  // The head, or one of the case's handlers (as the services require).
  const handlesIt = me.user.officerId != null && c.handlers.some((h) => h.officerId === me.user.officerId);
  const canArchive = !readOnly && c.stage === 'closing' && can(me, 'archive.create') && (hasRole(me, 'head') || handlesIt);
  const reload = async () => {
    const r = await call('cases.get', { id: c.id });
    if (r.ok) onChange(r.value);
  };
  const canVoid = !readOnly && can(me, 'cases.void');
  const voidable = c.stage === 'filing' || c.stage === 'investigation';

  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Space size={8} wrap>
            <Button type="text" size="small" icon={<ArrowLeftOutlined />} onClick={() => navigate('/cases')} aria-label="返回案件列表" />
            <Typography.Title level={4} style={{ margin: 0 }} className={voided ? 'sx-voided-no' : undefined}>
              {c.caseNo}
            </Typography.Title>
            {voided && <Tag color="error">已作废</Tag>}
            <Tag color="blue">{CASE_TYPE_LABELS[c.caseType]}</Tag>
            <Tag>{PROCEDURE_LABELS[c.procedure]}</Tag>
            {c.overdue && <Tag color="error">超期（办理期限 {c.dueOn}）</Tag>}
          </Space>
          <Typography.Text style={{ fontSize: 15, paddingLeft: 32 }}>{c.title}</Typography.Text>
        </Flex>
        <Space>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/cases/${c.id}/cover`)}>
            案卷封面
          </Button>
          {canArchive && <ArchiveButton c={c} onArchived={reload} />}
          {canAdvance && (
            <Button type="primary" onClick={() => setAdvancing(true)} disabled={c.stage === 'archived'}>
              推进环节
            </Button>
          )}
          {canVoid && (
            <Tooltip title={voidable ? '编号登记有误（如重复立案）时作废；作废后编号保留、不再使用' : `案件已进入“${STAGE_LABELS[c.stage]}”环节，不能作废编号；如需终止，请按程序结案`}>
              <Button danger disabled={!voidable} onClick={() => setVoiding(true)}>
                作废编号
              </Button>
            </Tooltip>
          )}
        </Space>
      </Flex>
      <Steps
        size="small"
        style={{ marginTop: 16 }}
        current={current}
        status={voided ? 'error' : c.stage === 'archived' ? 'finish' : 'process'}
        items={STAGES.map((s) => ({ title: STAGE_LABELS[s], content: enteredOn.get(s) ?? undefined }))}
      />
      {advancing && <AdvanceStageModal c={c} onClose={() => setAdvancing(false)} onDone={onChange} />}
      {voiding && <VoidCaseModal c={c} onClose={() => setVoiding(false)} onDone={onChange} />}
    </Card>
  );
}
