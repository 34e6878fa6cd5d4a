import { Alert, Form, Input, Modal, Radio } from 'antd';
import type { ApiInput } from '../../../shared/contract/index.js';
import type { Officer } from '../../../shared/types.js';
import { useCommand } from '../../lib/use-api.js';
import { CaseSearchSelect } from './CaseSearchSelect.js';
import { CollectorSelect } from './CollectorSelect.js';
import { MatterSelect } from './MatterSelect.js';
import { useAvMatters } from './use-av-matters.js';

interface Values {
  caseId?: number | null;
  place?: string;
  collectors?: number[];
  proof?: string;
  matter?: string;
  important?: 'keep' | 'yes' | 'no';
}

/** 批量标注: the fields filled in are written to every selected clip; empty fields leave each clip as it is. */
export function BulkAnnotateModal({ ids, officers, onClose, onDone }: { ids: number[]; officers: Officer[]; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const bulk = useCommand('media.bulkAnnotate');
  const { matters } = useAvMatters();

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const patch: ApiInput<'media.bulkAnnotate'>['patch'] = {};
    if (v.caseId) patch.caseId = v.caseId;
    if (v.place?.trim()) patch.place = v.place.trim();
    if (v.collectors?.length) patch.collectors = v.collectors;
    if (v.proof?.trim()) patch.proof = v.proof.trim();
    if (v.matter) patch.matter = v.matter;
    if (v.important === 'yes' || v.important === 'no') patch.important = v.important === 'yes';
    if (!Object.keys(patch).length) {
      form.setFields([{ name: 'proof', errors: ['请至少填写一项要标注的内容'] }]);
      return;
    }
    const r = await bulk.run({ ids, patch }, { success: (x) => `已标注 ${x.updated} 个音像记录` });
    if (r.ok) onDone();
  };

  return (
    <Modal open title={`批量标注（已选 ${ids.length} 个）`} okText="保存标注" cancelText="取消" onOk={submit} onCancel={onClose} okButtonProps={{ loading: bulk.pending }} width={620}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="只填写需要统一修改的项目；留空的项目保持每个文件原来的内容。标注不会改动原始文件。" />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ important: 'keep' }}>
        <Form.Item name="caseId" label="关联案件">
          <CaseSearchSelect />
        </Form.Item>
        <Form.Item name="matter" label="音像记录事项">
          <MatterSelect matters={matters} />
        </Form.Item>
        <Form.Item name="collectors" label="采集人">
          <CollectorSelect officers={officers} />
        </Form.Item>
        <Form.Item name="place" label="拍摄地点">
          <Input maxLength={200} placeholder="例如：船山区永兴镇石洞村三组" />
        </Form.Item>
        <Form.Item name="proof" label="证明对象">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="这些音像记录能证明的事实，例如：当事人在林地内堆放建筑材料" />
        </Form.Item>
        <Form.Item name="important" label="重要标记">
          <Radio.Group options={[{ value: 'keep', label: '保持不变' }, { value: 'yes', label: '标为重要' }, { value: 'no', label: '取消重要' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
