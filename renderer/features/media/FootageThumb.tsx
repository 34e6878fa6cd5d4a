import { AudioOutlined, FileOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import type { MediaSummary } from '../../../shared/media-types.js';
import { mediaUrl } from './media-url.js';

const BOX = { width: 96, height: 54, borderRadius: 4, background: '#1f1f1f', color: '#bfbfbf', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 12, gap: 4, flexShrink: 0 } as const;

/** The small picture of a clip: its thumbnail, the photo itself, or an icon saying why there is none. */
export function FootageThumb({ m }: { m: MediaSummary }) {
  const sha = m.thumbnailSha256 ?? (m.kind === 'image' && !m.probeError ? m.sha256 : null);
  if (sha) return <img src={mediaUrl(sha)} alt="" loading="lazy" style={{ ...BOX, objectFit: 'cover' }} />;
  if (m.kind === 'audio') return <div style={BOX}><AudioOutlined />录音</div>;
  if (m.probeError) return <div style={BOX}><WarningOutlined />无法预览</div>;
  if (m.kind === 'video') return <div style={BOX}><LoadingOutlined />生成中</div>;
  return <div style={BOX}><FileOutlined /></div>;
}
