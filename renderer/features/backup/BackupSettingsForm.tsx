import { Button, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import type { BackupSettings } from '../../../shared/supervision-settings.js';
import { formatBytes } from '../../../shared/logic/text.js';
import { applyFieldErrors } from '../../lib/field-errors.js';
import { useCommand } from '../../lib/use-api.js';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 备份位置、定时和保留份数 (backup.settings.update). */
export function BackupSettingsForm({ settings, targetFree, targetTotal, onSaved }: { settings: BackupSettings; targetFree: number | null; targetTotal: number | null; onSaved: () => void }) {
  const [form] = Form.useForm<BackupSettings>();
  const save = useCommand('backup.settings.update');
  const schedule = Form.useWatch('schedule', form) ?? settings.schedule;
  useEffect(() => form.setFieldsValue(settings), [settings, form]);

  const submit = async (v: BackupSettings) => {
    const r = await save.run({ ...v, target: v.target.trim() }, { success: '备份设置已保存', quietError: true });
    if (r.ok) onSaved();
    else if (!applyFieldErrors(form, r.error)) form.setFields([{ name: 'target', errors: [r.error.message] }]);
  };

  const space =
    settings.target && targetTotal != null && targetFree != null
      ? `该位置所在磁盘剩余 ${formatBytes(targetFree)}，共 ${formatBytes(targetTotal)}。`
      : settings.target
        ? '无法读取该位置（移动硬盘未连接或网络共享不可用）。'
        : '';

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 720 }}>
      <Form.Item
        name="target"
        label="备份位置"
        extra={
          <>
            请选择另一块硬盘、移动硬盘或网络共享上的文件夹（例如 E:\执法备份 或 \\档案室\共享\执法备份），不能在数据文件夹内。备份写在其中的 sanxiang-backup 文件夹。
            {space && <div>{space}</div>}
          </>
        }
      >
        <Input placeholder="E:\执法备份" maxLength={500} />
      </Form.Item>
      <Form.Item name="schedule" label="定时备份">
        <Radio.Group
          options={[
            { value: 'off', label: '不自动备份' },
            { value: 'daily', label: '每天' },
            { value: 'weekly', label: '每周' },
          ]}
        />
      </Form.Item>
      {schedule !== 'off' && (
        <Space size={16} align="start">
          {schedule === 'weekly' && (
            <Form.Item name="weekday" label="星期">
              <Select style={{ width: 100 }} options={WEEKDAYS.map((d, i) => ({ value: i + 1, label: d }))} />
            </Form.Item>
          )}
          <Form.Item
            name="time"
            label="时间"
            rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '请按 HH:MM 填写，例如 18:30' }]}
            extra="本程序运行时到点自动备份；错过时（电脑关机）下次启动后补做。"
          >
            <Input style={{ width: 100 }} placeholder="18:30" />
          </Form.Item>
        </Space>
      )}
      <Form.Item name="retention" label="保留份数" extra="备份成功后删除更早的备份（以及只有它们用到的证据文件副本）。">
        <InputNumber min={1} max={365} suffix="份" style={{ width: 140 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.pending}>
        保存备份设置
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        证据文件按内容去重，只复制上次备份后新增的文件；每份备份写入后都会重新计算哈希核对。
      </Typography.Paragraph>
    </Form>
  );
}
