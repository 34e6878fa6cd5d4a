import { Button, Form, InputNumber, Skeleton, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand, useQuery } from '../../lib/use-api.js';

interface OptionsForm {
  retentionMonths: number;
  unannotatedAlertDays: number;
  /** Mbit/s in the form; bit/s in the settings. */
  proxyMbps: number;
  verifyEveryDays: number;
}

/**
 * 保存期限、播放与校验: retention of footage that is not evidence, the unannotated alert, when to make
 * playback copies, how often the evidence vault is checked automatically.
 */
export function MediaOptionsSection() {
  const q = useQuery('media.settings.get', {});
  const save = useCommand('media.settings.update');
  const [form] = Form.useForm<OptionsForm>();
  useEffect(() => {
    if (q.data) {
      const d = q.data;
      form.setFieldsValue({ retentionMonths: d.retentionMonths, unannotatedAlertDays: d.unannotatedAlertDays, proxyMbps: d.proxyMinBitRate / 1_000_000, verifyEveryDays: d.verifyEveryDays });
    }
  }, [q.data, form]);

  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;

  const submit = async (v: OptionsForm) => {
    const r = await save.run(
      {
        retentionMonths: v.retentionMonths,
        unannotatedAlertDays: v.unannotatedAlertDays,
        proxyMinBitRate: Math.round(v.proxyMbps * 1_000_000),
        verifyEveryDays: v.verifyEveryDays,
      },
      { success: '音视频设置已保存' },
    );
    if (r.ok) q.setData(r.value);
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }} requiredMark={false}>
      <Form.Item
        name="retentionMonths"
        label="未作为证据的音像记录保存期限"
        rules={[{ required: true, message: '请填写保存期限' }]}
        extra="未关联案件、未保全的音像记录，自拍摄之日起超过此期限后，管理员可在“音视频—证据库”中清理。关联到案件作为证据的随案卷保存，不受此限制。不能少于 6 个月。"
      >
        <InputNumber min={6} max={600} precision={0} suffix="个月" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="unannotatedAlertDays"
        label="未标注提醒"
        rules={[{ required: true, message: '请填写天数' }]}
        extra="导入后超过此天数仍未标注的音像记录，在音像记录列表顶部提醒。"
      >
        <InputNumber min={1} max={365} precision={0} prefix="导入超过" suffix="天" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="proxyMbps"
        label="生成播放副本的码率"
        rules={[{ required: true, message: '请填写码率' }]}
        extra="码率高于此值的 H.264 视频在后台生成一份小的播放副本，旧电脑也能流畅播放；H.265（HEVC）视频总是生成。原始文件作为证据保存，不作改动。修改只影响以后导入的视频。"
      >
        <InputNumber min={1} max={1000} step={1} prefix="高于" suffix="Mbps" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        label="证据库自动校验"
        htmlFor="verifyEveryDays"
        extra={
          <>
            本程序运行时按此间隔自动重新读取证据库中的每个文件，与导入时记录的校验值比对，发现被改动或缺失的文件在工作台提醒。校验期间电脑可能变慢，可在“音视频—证据库”中取消。也可以用 Windows 计划任务定期运行{' '}
            <Typography.Text code>sanxiang verify --data 数据文件夹</Typography.Text>。
          </>
        }
      >
        <Space>
          <Form.Item name="verifyEveryDays" noStyle rules={[{ required: true, message: '请填写天数（填 0 表示不自动校验）' }]}>
            <InputNumber id="verifyEveryDays" min={0} max={365} precision={0} prefix="每" suffix="天" style={{ width: 200 }} />
          </Form.Item>
          <Typography.Text type="secondary">填 0 表示不自动校验</Typography.Text>
        </Space>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.pending}>
        保存
      </Button>
    </Form>
  );
}
