import { Button, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { MediaDetail } from '../../../shared/media-types.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { useCommand } from '../../lib/use-api.js';

/** 取消关联: the link goes, the footage stays; the reason is kept in the audit trail. */
function UnlinkModal({ d, c, onClose, onDone }: { d: MediaDetail; c: { id: number; caseNo: string }; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const unlink = useCommand('media.unlinkFromCase');
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const r = await unlink.run({ id: d.id, caseId: c.id, reason: v.reason.trim() }, { success: `已取消与 ${c.caseNo} 的关联` });
    if (r.ok) onDone();
  };
  return (
    <Modal open title={`取消与案件 ${c.caseNo} 的关联`} okText="取消关联" cancelText="返回" okButtonProps={{ danger: true, loading: unlink.pending }} onOk={submit} onCancel={onClose}>
      <Typography.Paragraph type="secondary">音像记录本身不会删除。取消关联的原因记入审计记录。</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写取消关联的原因' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder="例如：误关联，本段录像属于另一案件" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The cases this clip is evidence in, each opening the case's 音视频 tab. */
export function CaseLinks({ d, onChanged }: { d: MediaDetail; onChanged: () => void }) {
  const { me } = useSession();
  const [unlinking, setUnlinking] = useState<{ id: number; caseNo: string } | null>(null);
  const mayUnlink = can(me, 'media.unlinkFromCase');
  return (
    <>
      <List
        size="small"
        dataSource={d.cases}
        locale={{ emptyText: '尚未关联案件' }}
        renderItem={(c) => (
          <List.Item actions={mayUnlink ? [<a key="u" onClick={() => setUnlinking(c)}>取消关联</a>] : undefined}>
            <Button type="link" style={{ padding: 0 }} onClick={() => navigate(`/cases/${c.id}`, { tab: 'media' })}>{c.caseNo}</Button>
          </List.Item>
        )}
      />
      {unlinking && (
        <UnlinkModal d={d} c={unlinking} onClose={() => setUnlinking(null)} onDone={() => { setUnlinking(null); onChanged(); }} />
      )}
    </>
  );
}
