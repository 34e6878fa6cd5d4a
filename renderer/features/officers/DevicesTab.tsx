import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Device, Officer } from '../../../shared/types.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand, useQuery } from '../../lib/use-api.js';

/** 执法记录仪: recorders (body-cams) by serial, model, and the officer who carries each. */
export function DevicesTab() {
  const list = useQuery('devices.list', {});
  const officers = useQuery('officers.list', {});
  const [editing, setEditing] = useState<Device | 'new' | null>(null);
  return (
    <>
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Flex justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">登记本单位的执法记录仪及其使用人。</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          登记记录仪
        </Button>
      </Flex>
      <Table<Device>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyHint text="暂无执法记录仪，点击“登记记录仪”添加" /> }}
        columns={[
          { title: '设备编号', dataIndex: 'serial', width: 200 },
          { title: '型号', dataIndex: 'model', width: 180, render: (v: string) => v || '—' },
          { title: '使用人', dataIndex: 'officerName', width: 120, render: (v: string | null) => v ?? '未指定' },
          { title: '备注', dataIndex: 'notes', render: (v: string) => v || '—' },
          {
            title: '操作',
            width: 70,
            render: (_v, d) => (
              <Button type="link" size="small" onClick={() => setEditing(d)}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      {editing && <DeviceModal device={editing === 'new' ? null : editing} officers={officers.data ?? []} onClose={() => setEditing(null)} onDone={list.reload} />}
    </>
  );
}

interface DeviceForm {
  serial: string;
  model?: string;
  officerId?: number | null;
  notes?: string;
}

function DeviceModal({ device, officers, onClose, onDone }: { device: Device | null; officers: Officer[]; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<DeviceForm>();
  const create = useCommand('devices.create');
  const update = useCommand('devices.update');
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const input = { serial: v.serial.trim(), model: v.model?.trim() ?? '', officerId: v.officerId ?? null, notes: v.notes?.trim() ?? '' };
    const r = device
      ? await update.run({ id: device.id, ...input }, { success: `已保存记录仪 ${input.serial}` })
      : await create.run(input, { success: `已登记记录仪 ${input.serial}` });
    if (r.ok) {
      onDone();
      onClose();
    }
  };
  return (
    <Modal open title={device ? `修改记录仪 — ${device.serial}` : '登记执法记录仪'} okText="保存" cancelText="取消" onOk={submit} onCancel={onClose} okButtonProps={{ loading: create.pending || update.pending }}>
      <Form form={form} layout="vertical" initialValues={device ?? { officerId: null }}>
        <Form.Item name="serial" label="设备编号" rules={[{ required: true, whitespace: true, message: '请填写设备编号' }]} extra="记录仪机身或系统中显示的产品序号">
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="model" label="型号">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="officerId" label="使用人">
          <Select
            allowClear
            placeholder="未指定"
            showSearch={{ optionFilterProp: 'label' }}
            options={officers.map((o) => ({ value: o.id, label: `${o.name}（${o.certNo}）` }))}
          />
        </Form.Item>
        <Form.Item name="notes" label="备注">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
