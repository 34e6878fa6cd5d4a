import { Tooltip, Typography } from 'antd';
import { CONTACT_STRIP, stripFrameMs, type MediaDetail } from '../../../shared/media-types.js';
import { durationText } from './media-format.js';
import { mediaUrl } from './media-url.js';

/**
 * A long clip at a glance: the contact strip made in the background (frames at even intervals).
 * Clicking a frame moves the player there.
 */
export function ContactStrip({ d, onSeek }: { d: MediaDetail; onSeek: (ms: number) => void }) {
  const strip = d.derived.find((x) => x.kind === 'strip');
  if (!strip || !d.durationMs) return null;
  const { columns, rows } = CONTACT_STRIP;
  const frames = columns * rows;
  return (
    <div style={{ marginTop: 8 }} data-testid="contact-strip">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        全片缩略图（每格相隔约 {durationText(d.durationMs / frames)}），点击画面跳到该处
      </Typography.Text>
      <div style={{ position: 'relative', lineHeight: 0, marginTop: 4 }}>
        <img src={mediaUrl(strip.sha256)} alt="全片缩略图" style={{ width: '100%', borderRadius: 4, background: '#000' }} />
        <div style={{ position: 'absolute', inset: 0, display: 'grid', gridTemplateColumns: `repeat(${columns}, 1fr)`, gridTemplateRows: `repeat(${rows}, 1fr)` }}>
          {Array.from({ length: frames }, (_, i) => {
            const ms = stripFrameMs(d.durationMs!, i);
            return (
              <Tooltip key={i} title={`跳到 ${durationText(ms)}`}>
                <button type="button" aria-label={`跳到 ${durationText(ms)}`} className="sx-strip-frame" onClick={() => onSeek(ms)} />
              </Tooltip>
            );
          })}
        </div>
      </div>
    </div>
  );
}
