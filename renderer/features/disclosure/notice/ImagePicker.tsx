// Picks the flowchart image (PNG or JPG, at most 10 MB) and hands it over as base64.
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';

export interface PickedImage {
  fileName: string;
  base64: string;
}

const MAX_BYTES = 10 * 1024 * 1024;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function ImagePicker({ value, onChange }: { value: PickedImage | null; onChange: (v: PickedImage | null) => void }) {
  const { message } = App.useApp();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        accept=".png,.jpg,.jpeg,image/png,image/jpeg"
        showUploadList={false}
        beforeUpload={async (file) => {
          if (!/\.(png|jpe?g)$/i.test(file.name)) {
            message.error('流程图请使用 PNG 或 JPG 图片');
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_BYTES) {
            message.error(`图片有 ${(file.size / 1024 / 1024).toFixed(1)} MB，不能超过 10 MB。请压缩后再选择。`);
            return Upload.LIST_IGNORE;
          }
          try {
            onChange({ fileName: file.name, base64: await readBase64(file) });
          } catch {
            message.error('无法读取该图片文件，请确认文件未损坏后重试');
          }
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />}>{value ? '更换图片' : '选择流程图图片'}</Button>
      </Upload>
      {value && (
        <Space align="start">
          <img src={`data:image/${/\.png$/i.test(value.fileName) ? 'png' : 'jpeg'};base64,${value.base64}`} alt="流程图预览" style={{ maxWidth: 320, maxHeight: 180, border: '1px solid #f0f0f0' }} />
          <Typography.Text type="secondary">{value.fileName}</Typography.Text>
        </Space>
      )}
    </Space>
  );
}
