import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Modal, Popover, Row, Select, Typography } from 'antd';
import { compileTemplate } from '../../../shared/logic/filename-template.js';
import type { DeviceProfile } from '../../../shared/media-types.js';
import { FilenameTry } from './FilenameTry.js';
import { PLACEHOLDER_HELP } from './filename-sample.js';

type ProfileForm = Omit<DeviceProfile, 'id' | 'templates'> & { templates: string[] };

const EMPTY: ProfileForm = {
  name: '',
  folders: ['DCIM'],
  identityFiles: [],
  extensions: ['mp4', 'jpg', 'wav'],
  templates: [''],
  utcOffset: '+08:00',
};

const OFFSETS = ['-12:00', '-08:00', '-05:00', '+00:00', '+03:00', '+05:30', '+07:00', '+08:00', '+09:00', '+10:00', '+12:00'];
const offsetLabel = (o: string) => (o === '+08:00' ? '+08:00（北京时间）' : o === '+00:00' ? '+00:00（协调世界时）' : o);

const cleanList = (v: string[] | undefined) => [...new Set((v ?? []).map((s) => s.trim()).filter(Boolean))];

function PlaceholderHelp() {
  return (
    <Popover
      title="文件名格式中可用的写法"
      content={
        <table style={{ borderSpacing: '12px 2px' }}>
          <tbody>
            {PLACEHOLDER_HELP.map(([k, v]) => (
              <tr key={k}>
                <td><Typography.Text code>{k}</Typography.Text></td>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <a>可用写法</a>
    </Popover>
  );
}

const templateRule = {
  validator: (_r: unknown, v: string) => {
    if (!v?.trim()) return Promise.reject(new Error('请填写文件名格式，或删除此行'));
    try {
      compileTemplate(v.trim());
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e as Error);
    }
  },
};

/** 添加 / 修改 a recorder model: where its footage lives, which files, how its file names read. */
export function DeviceProfileModal({ profile, isNew, others, saving, onSave, onClose }: {
  /** The values to start from: the model being changed, a model being copied, or none. */
  profile: DeviceProfile | null;
  isNew: boolean;
  others: DeviceProfile[];
  saving: boolean;
  onSave: (v: ProfileForm) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ProfileForm>();
  const templates = (Form.useWatch('templates', form) ?? profile?.templates ?? []).map((t: string | undefined) => (t ?? '').trim()).filter(Boolean);
  const extensions = Form.useWatch('extensions', form) ?? profile?.extensions ?? [];
  const utcOffset = Form.useWatch('utcOffset', form) ?? profile?.utcOffset ?? '+08:00';

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    onSave({
      name: v.name.trim(),
      folders: cleanList(v.folders),
      identityFiles: cleanList(v.identityFiles),
      extensions: cleanList(v.extensions).map((e) => e.toLowerCase().replace(/^\./, '')),
      templates: cleanList(v.templates),
      utcOffset: v.utcOffset,
    });
  };

  return (
    <Modal
      open
      width={860}
      style={{ top: 24 }}
      title={isNew ? '添加记录仪型号' : `修改记录仪型号 — ${profile?.name}`}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ loading: saving }}
    >
      <Form form={form} layout="vertical" initialValues={profile ?? EMPTY} requiredMark={false}>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item
              name="name"
              label="型号名称"
              rules={[
                { required: true, whitespace: true, message: '请填写型号名称' },
                { validator: (_r, v: string) => (others.some((o) => o.name === v?.trim()) ? Promise.reject(new Error('已有同名的型号')) : Promise.resolve()) },
              ]}
            >
              <Input maxLength={60} placeholder="例如：某品牌 DSJ-V9 执法记录仪" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="utcOffset" label="记录仪时钟时区">
              <Select options={OFFSETS.map((o) => ({ value: o, label: offsetLabel(o) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="folders" label="存放音视频的文件夹" extra="根目录下的文件夹名，输入后按回车；都没有时读取整个记录仪">
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} placeholder="例如：DCIM" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="identityFiles" label="设备信息文件" extra="根目录下写有设备编号、警号的文本文件">
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} placeholder="例如：ZFY_INFO.txt" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="extensions"
          label="导入的文件类型"
          extra="扩展名，输入后按回车；其他类型的文件不导入"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少填写一种文件类型，例如 mp4' }]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} placeholder="例如：mp4" />
        </Form.Item>
        <Form.Item
          label={
            <Flex gap={8}>
              文件名格式
              <PlaceholderHelp />
            </Flex>
          }
          extra="从文件名读出设备编号、警号、拍摄时间和重要标记；可填多种，依次尝试。不符合的文件也会导入，时间取视频信息。"
        >
          <Form.List name="templates">
            {(fields, { add, remove }) => (
              <Flex vertical gap={0}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="start">
                    <Form.Item name={f.name} rules={[templateRule]} style={{ flex: 1, marginBottom: 8 }}>
                      <Input aria-label="文件名格式" maxLength={200} style={{ fontFamily: 'Consolas, monospace' }} placeholder="DCAM_<device>_<officer>_<YYYYMMDD>_<HHMMSS>[_IMP].<ext>" />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label="删除此格式" onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 10}>
                  添加一种文件名格式
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      </Form>
      <FilenameTry templates={templates} extensions={extensions} utcOffset={utcOffset} />
    </Modal>
  );
}
