// 网站预览: the page as it will appear on the public site, in a sandboxed iframe (no scripts).
import { Alert, Modal, Spin, Typography } from 'antd';
import { useQuery } from '../../lib/use-api.js';

export function PreviewModal({ id, open, onClose }: { id: number; open: boolean; onClose: () => void }) {
  const preview = useQuery('disclosure.preview', { id }, { skip: !open });
  return (
    <Modal title="公示网站预览" open={open} onCancel={onClose} footer={null} width={960} destroyOnHidden>
      {preview.error && <Alert type="error" showIcon title={preview.error.message} />}
      {preview.loading && <Spin />}
      {preview.data && (
        <>
          <Typography.Paragraph type="secondary">{`网站中的位置：${preview.data.path}（以下为脱敏后将公开的内容）`}</Typography.Paragraph>
          <iframe
            title="公示网站预览"
            sandbox=""
            srcDoc={preview.data.html}
            style={{ width: '100%', height: '70vh', border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
          />
        </>
      )}
    </Modal>
  );
}
