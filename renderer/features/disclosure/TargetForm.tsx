// Add or change a publish target; SFTP host keys are pinned only after confirming the fingerprint.
import { App, Button, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { PublishTargetInfo } from '../../../shared/disclosure-types.js';
import { PUBLISH_TARGET_KINDS, PUBLISH_TARGET_KIND_LABELS } from '../../../shared/disclosure-domain.js';
import { useCommand } from '../../lib/use-api.js';

const blankToUndef = (s: string | undefined) => (s ? s : undefined);

export function TargetForm({ target, onClose, onSaved }: { target: PublishTargetInfo | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const { modal } = App.useApp();
  const save = useCommand('publish.targets.save');
  const hostKey = useCommand('publish.hostKey');
  const kind = Form.useWatch('kind', form) ?? target?.kind ?? 'sftp';
  const auth = Form.useWatch('auth', form) ?? target?.auth ?? 'key';

  const readKey = async () => {
    const v = form.getFieldsValue(['host', 'port']);
    if (!v.host) return form.validateFields(['host']);
    const r = await hostKey.run(target ? { targetId: target.id, host: v.host, port: v.port } : { host: v.host, port: v.port });
    if (!r.ok) return;
    const k = r.value;
    modal.confirm({
      title: '确认服务器主机密钥',
      width: 560,
      okText: '确认无误，记录此指纹',
      cancelText: '取消',
      content: (
        <>
          <Typography.Paragraph>{`服务器 ${k.host}:${k.port} 的 ${k.algorithm} 主机密钥指纹为：`}</Typography.Paragraph>
          <Typography.Paragraph code copyable style={{ wordBreak: 'break-all' }}>{k.fingerprint}</Typography.Paragraph>
          {k.pinned && k.matches === false && (
            <Typography.Paragraph type="danger">{`与已记录的指纹（${k.pinned}）不一致！除非服务器确已更换，否则可能存在冒充，请先与网站管理员核实。`}</Typography.Paragraph>
          )}
          {k.matches === true && <Typography.Paragraph type="success">与已记录的指纹一致。</Typography.Paragraph>}
          <Typography.Paragraph type="secondary">请与网站服务器管理员提供的指纹逐字核对后再确认。</Typography.Paragraph>
        </>
      ),
      onOk: () => form.setFieldValue('hostKey', k.fingerprint),
    });
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const r = await save.run(
      {
        id: target?.id,
        name: v.name,
        kind: v.kind,
        host: v.host ?? '',
        port: v.port ?? 22,
        username: v.username ?? '',
        remoteDir: v.remoteDir ?? '',
        hostKey: v.hostKey ?? '',
        auth: v.auth ?? 'key',
        password: blankToUndef(v.password),
        privateKeyPath: blankToUndef(v.privateKeyPath),
        passphrase: blankToUndef(v.passphrase),
        folderPath: v.folderPath ?? '',
        keepReleases: v.keepReleases ?? 5,
      },
      { success: '发布目标已保存' },
    );
    if (r.ok) onSaved();
  };

  return (
    <Modal
      title={target ? `修改发布目标：${target.name}` : '新增发布目标'}
      open
      width={620}
      onCancel={onClose}
      footer={[
        <Button key="c" onClick={onClose}>取消</Button>,
        <Button key="ok" type="primary" loading={save.pending} onClick={submit}>保存</Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={target ?? { kind: 'sftp', port: 22, auth: 'key', keepReleases: 5 }}>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={60} placeholder="例如：县政府门户网站服务器" />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Select options={PUBLISH_TARGET_KINDS.map((k) => ({ value: k, label: PUBLISH_TARGET_KIND_LABELS[k] }))} />
        </Form.Item>
        {kind === 'sftp' ? (
          <>
            <Form.Item name="host" label="服务器地址" rules={[{ required: true, message: '请填写服务器地址' }]}><Input maxLength={253} /></Form.Item>
            <Form.Item name="port" label="端口"><InputNumber min={1} max={65535} /></Form.Item>
            <Form.Item name="username" label="登录账号"><Input maxLength={64} /></Form.Item>
            <Form.Item name="remoteDir" label="网站目录"><Input maxLength={500} placeholder="/var/www/gongshi" /></Form.Item>
            <Form.Item name="auth" label="登录方式">
              <Select options={[{ value: 'key', label: '密钥文件' }, { value: 'password', label: '密码' }]} />
            </Form.Item>
            {auth === 'password' ? (
              <Form.Item name="password" label="密码" extra={target?.hasSecret ? '已保存；留空表示不修改' : undefined}><Input.Password maxLength={200} /></Form.Item>
            ) : (
              <>
                <Form.Item name="privateKeyPath" label="私钥文件路径" extra={target?.hasSecret ? '已保存；留空表示不修改' : undefined}><Input maxLength={1000} /></Form.Item>
                <Form.Item name="passphrase" label="私钥口令（如有）"><Input.Password maxLength={200} /></Form.Item>
              </>
            )}
            <Form.Item label="主机密钥指纹" extra="首次连接前必须读取并核对服务器的主机密钥指纹">
              <div style={{ display: 'flex', gap: 8 }}>
                <Form.Item name="hostKey" noStyle><Input readOnly placeholder="尚未确认" /></Form.Item>
                <Button loading={hostKey.pending} onClick={readKey}>读取并核对</Button>
              </div>
            </Form.Item>
          </>
        ) : (
          <Form.Item name="folderPath" label={kind === 'cms' ? '导入包保存文件夹' : '文件夹路径'} rules={[{ required: true, message: '请填写文件夹路径' }]}>
            <Input maxLength={1000} />
          </Form.Item>
        )}
        <Form.Item name="keepReleases" label="保留历史版本数"><InputNumber min={1} max={50} /></Form.Item>
      </Form>
    </Modal>
  );
}
