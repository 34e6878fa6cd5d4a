import { Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import { OFFICER_STATUSES, OFFICER_STATUS_LABELS, type OfficerStatus } from '../../../shared/domain.js';
import type { Officer } from '../../../shared/types.js';
import { checkPhone } from '../../../shared/logic/check-digits.js';
import { useSession } from '../../app/session-context.js';
import { CHECKED_ITEM_PROPS, checkRules, phoneComplete } from '../../components/check-rules.js';
import { fromDay, toDay, type Dayjs } from '../../lib/dates.js';
import { useCommand } from '../../lib/use-api.js';

interface OfficerForm {
  name: string;
  unit: string;
  position?: string;
  certNo: string;
  certValidUntil: Dayjs;
  category: string;
  region: string;
  status: OfficerStatus;
  phone?: string;
  officerNo?: string;
}

/** 新增 / 修改执法人员: the roster fields required for disclosure (姓名、单位、职务、执法证号、类别、区域). */
export function OfficerModal({ officer, onClose, onDone }: { officer: Officer | null; onClose: () => void; onDone: () => void }) {
  const { me } = useSession();
  const [form] = Form.useForm<OfficerForm>();
  const create = useCommand('officers.create');
  const update = useCommand('officers.update');

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const input = {
      name: v.name.trim(),
      unit: v.unit.trim(),
      position: v.position?.trim() ?? '',
      certNo: v.certNo.trim(),
      certValidUntil: fromDay(v.certValidUntil)!,
      category: v.category.trim(),
      region: v.region.trim(),
      status: v.status,
      phone: v.phone?.trim() ?? '',
      officerNo: v.officerNo?.trim() ?? '',
    };
    const r = officer
      ? await update.run({ id: officer.id, ...input }, { success: `已保存 ${input.name} 的信息` })
      : await create.run(input, { success: `已登记执法人员 ${input.name}` });
    if (r.ok) {
      onDone();
      onClose();
    }
  };

  return (
    <Modal
      open
      width={680}
      title={officer ? `修改执法人员 — ${officer.name}` : '新增执法人员'}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ loading: create.pending || update.pending }}
    >
      <Form
        form={form}
        layout="vertical"
       
        aria-label="执法人员信息"
        initialValues={officer ? { ...officer, certValidUntil: toDay(officer.certValidUntil) } : { unit: me.bureau.name, status: 'active' }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="unit" label="所在单位" rules={[{ required: true, whitespace: true, message: '请填写所在单位' }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="position" label="职务">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="certNo" label="执法证号" rules={[{ required: true, whitespace: true, message: '请填写执法证号' }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="certValidUntil" label="执法证有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="category" label="执法类别" rules={[{ required: true, whitespace: true, message: '请填写执法类别' }]}>
              <Input maxLength={40} placeholder="例如：林业行政执法" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="region" label="执法区域" rules={[{ required: true, whitespace: true, message: '请填写执法区域' }]}>
              <Input maxLength={60} placeholder="例如：船山区" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label="在岗状态">
              <Select options={OFFICER_STATUSES.map((s) => ({ value: s, label: OFFICER_STATUS_LABELS[s] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label="联系电话" rules={checkRules(checkPhone, phoneComplete)} {...CHECKED_ITEM_PROPS}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="officerNo" label="警号/工号">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
