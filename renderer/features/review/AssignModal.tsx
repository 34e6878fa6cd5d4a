import { Alert, Form, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewItemDetail } from '../../../shared/review-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand, useQuery } from '../../lib/use-api.js';

/**
 * 分配审核人员 (the head): a named reviewer — only qualified reviewers who are not handlers of the
 * case can be chosen; the others are listed greyed out with the reason — or round-robin.
 */
export function AssignModal({ item, onClose, onDone }: { item: ReviewItemDetail; onClose: () => void; onDone: (d: ReviewItemDetail) => void }) {
  const choices = useQuery('review.reviewers', { submissionId: item.submissionId });
  const assign = useCommand('review.assign');
  const [mode, setMode] = useState<'pick' | 'auto'>('pick');
  const [reviewerId, setReviewerId] = useState<number | undefined>(item.assignee?.id);
  const [missing, setMissing] = useState(false);
  const eligible = (choices.data ?? []).filter((c) => c.problem == null);

  const ok = async () => {
    if (mode === 'pick' && reviewerId == null) return setMissing(true);
    const r = await assign.run(
      { submissionId: item.submissionId, reviewerId: mode === 'pick' ? reviewerId : undefined },
      { success: (d) => `已分配给${d.assignee?.name ?? ''}审核` },
    );
    if (r.ok) onDone(r.value);
  };

  return (
    <Modal open title={item.assignee ? '重新分配审核人员' : '分配审核人员'} okText="确定分配" cancelText="取消" confirmLoading={assign.pending} onOk={ok} onCancel={onClose} width={560}>
      {choices.error && <ErrorAlert error={choices.error} onRetry={choices.reload} />}
      {item.holder && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${item.holder.name}正在审核该事项；改派给其他人员后，其占用将被解除。`} />
      )}
      {choices.data && eligible.length === 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="没有可分配的审核人员"
          description="审核人员须已登记法制审核资格，且不是本案承办人或送审人。请管理员在“设置 → 用户与角色”中登记资格。" />
      )}
      <Form layout="vertical">
        <Form.Item label="分配方式">
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} options={[{ value: 'pick', label: '指定审核人员' }, { value: 'auto', label: '按轮流顺序自动分配' }]} />
        </Form.Item>
        {mode === 'pick' && (
          <Form.Item label="审核人员" required validateStatus={missing && reviewerId == null ? 'error' : undefined} help={missing && reviewerId == null ? '请选择审核人员' : undefined}>
            <Select
              aria-label="审核人员"
              loading={choices.loading}
              value={reviewerId}
              onChange={(v) => setReviewerId(v)}
              placeholder="选择审核人员"
              optionLabelProp="name"
              options={(choices.data ?? []).map((c) => ({
                value: c.id,
                name: c.name,
                disabled: c.problem != null,
                label: (
                  <div>
                    <span>{c.name}</span>
                    <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                      {c.problem ?? `在审 ${c.pendingNow} 件`}
                    </Typography.Text>
                  </div>
                ),
              }))}
            />
          </Form.Item>
        )}
        {mode === 'auto' && <Typography.Text type="secondary">在符合条件的审核人员中，分配给最久未分配到事项的人员。</Typography.Text>}
      </Form>
    </Modal>
  );
}
