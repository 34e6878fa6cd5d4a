import { CameraOutlined, StepBackwardOutlined, StepForwardOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Segmented, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { MediaDetail } from '../../../shared/media-types.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { useCommand } from '../../lib/use-api.js';
import { codecName, isHevc } from './media-format.js';
import { mediaUrl } from './media-url.js';

const SPEEDS = [0.5, 1, 1.5, 2];

/** Why the player may show the proxy, or cannot play yet. */
function PlaybackNote({ d, failed }: { d: MediaDetail; failed: boolean }) {
  const proxyJob = d.jobs.find((j) => j.kind === 'proxy');
  const usingProxy = d.playbackSha256 !== d.sha256;
  if (usingProxy) {
    return <Typography.Text type="secondary">播放的是自动生成的播放副本（H.264）；原始文件作为证据保存，未作任何改动。</Typography.Text>;
  }
  if (proxyJob && (proxyJob.state === 'pending' || proxyJob.state === 'running')) {
    return (
      <Alert
        type="info"
        showIcon
        title="正在生成播放副本"
        description={`原始视频为 ${codecName(d.videoCodec)} 编码${isHevc(d.videoCodec) ? '，部分电脑无法直接播放' : '、码率较高'}。播放副本生成后即可流畅播放，本页会自动刷新。`}
      />
    );
  }
  if (proxyJob?.state === 'failed') {
    return <Alert type="error" showIcon title="播放副本生成失败" description={proxyJob.error ?? '请联系管理员检查 ffmpeg。原始文件不受影响。'} />;
  }
  if (failed) {
    return <Alert type="warning" showIcon title="这台电脑无法直接播放该文件" description={d.probeError ?? `视频编码：${codecName(d.videoCodec)}。`} />;
  }
  return null;
}

/** The player: the proxy when there is one, else the original; speed, frame step and 截图. */
export function ClipPlayer({ d, onSnapshot, videoRef }: { d: MediaDetail; onSnapshot: () => void; videoRef?: RefObject<HTMLVideoElement | null> }) {
  const { me } = useSession();
  const own = useRef<HTMLVideoElement>(null);
  const video = videoRef ?? own;
  const [speed, setSpeed] = useState(1);
  const [failed, setFailed] = useState(false);
  const snapshot = useCommand('media.snapshot');
  const src = mediaUrl(d.playbackSha256);
  useEffect(() => setFailed(false), [src]);
  useEffect(() => {
    if (video.current) video.current.playbackRate = speed;
  }, [speed, src]);

  if (d.kind === 'image') {
    return <img src={src} alt={d.fileName} style={{ width: '100%', maxHeight: 540, objectFit: 'contain', background: '#000', borderRadius: 4 }} />;
  }
  if (d.kind === 'audio') {
    return (
      <>
        <audio src={src} controls preload="metadata" style={{ width: '100%' }} onError={() => setFailed(true)} />
        <PlaybackNote d={d} failed={failed} />
      </>
    );
  }
  if (d.kind !== 'video') return <Alert type="info" showIcon title="该文件不是音视频，不能在这里播放" />;

  const step = (frames: number) => {
    const v = video.current;
    if (!v) return;
    v.pause();
    v.currentTime = Math.max(0, Math.min(v.duration || 0, v.currentTime + frames / (d.fps || 25)));
  };
  const takeSnapshot = async () => {
    const v = video.current;
    if (!v) return;
    v.pause();
    const r = await snapshot.run({ id: d.id, atMs: Math.round(v.currentTime * 1000) }, { success: '截图已保存（原始视频不受影响）' });
    if (r.ok) onSnapshot();
  };

  return (
    <>
      <video
        key={src}
        ref={video}
        src={src}
        controls
        preload="metadata"
        data-testid="clip-video"
        onError={() => setFailed(true)}
        style={{ width: '100%', maxHeight: 540, background: '#000', borderRadius: 4, display: 'block' }}
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '8px 0' }}>
        <Flex gap={8} align="center">
          <span>倍速</span>
          <Segmented size="small" value={speed} onChange={(v) => setSpeed(Number(v))} options={SPEEDS.map((s) => ({ value: s, label: `${s}×` }))} />
        </Flex>
        <Flex gap={8}>
          <Tooltip title="暂停并后退一帧">
            <Button size="small" icon={<StepBackwardOutlined />} onClick={() => step(-1)}>上一帧</Button>
          </Tooltip>
          <Tooltip title="暂停并前进一帧">
            <Button size="small" icon={<StepForwardOutlined />} onClick={() => step(1)}>下一帧</Button>
          </Tooltip>
          {can(me, 'media.snapshot') && !d.purged && (
            <Tooltip title="把当前画面另存为图片，原始视频不变">
              <Button size="small" icon={<CameraOutlined />} onClick={takeSnapshot} loading={snapshot.pending}>截图</Button>
            </Tooltip>
          )}
        </Flex>
      </Flex>
      <PlaybackNote d={d} failed={failed} />
    </>
  );
}
