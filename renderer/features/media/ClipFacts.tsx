import { Descriptions, Tag, Typography } from 'antd';
import type { MediaDetail } from '../../../shared/media-types.js';
import { formatBytes, formatDateTime } from '../../../shared/logic/text.js';
import { bitRateText, codecName, durationText, positionText, resolution, TIME_SOURCE_LABELS } from './media-format.js';
import { officerOf } from './FootageTable.js';

/** What ffprobe and the recorder say about the clip: time, length, codec, size, GPS. */
export function ClipFacts({ d }: { d: MediaDetail }) {
  const media = d.kind === 'video' || d.kind === 'audio';
  return (
    <Descriptions size="small" column={2} bordered styles={{ label: { width: 120 } }}>
      <Descriptions.Item label="拍摄时间">
        {d.recordedAt ? formatDateTime(d.recordedAt) : '未知'}
        {d.recordedAt && <Typography.Text type="secondary">（{TIME_SOURCE_LABELS[d.timeSource]}）</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label="创建时间">{d.creationTime ? formatDateTime(d.creationTime) : '—'}</Descriptions.Item>
      {media && <Descriptions.Item label="时长">{durationText(d.durationMs)}</Descriptions.Item>}
      {d.kind !== 'audio' && <Descriptions.Item label="分辨率">{resolution(d.width, d.height)}</Descriptions.Item>}
      {d.kind === 'video' && <Descriptions.Item label="视频编码">{codecName(d.videoCodec)}{d.fps ? `，${Math.round(d.fps * 100) / 100} 帧/秒` : ''}</Descriptions.Item>}
      {media && <Descriptions.Item label="音频编码">{codecName(d.audioCodec)}</Descriptions.Item>}
      {media && <Descriptions.Item label="码率">{bitRateText(d.bitRate)}</Descriptions.Item>}
      <Descriptions.Item label="文件大小">{formatBytes(d.size)}</Descriptions.Item>
      <Descriptions.Item label="执法人员">{officerOf(d)}</Descriptions.Item>
      <Descriptions.Item label="设备编号">{d.deviceSerial || '—'}</Descriptions.Item>
      <Descriptions.Item label="GPS 起点" span={2}>
        {d.gps ? `${positionText(d.gps.first)}${d.gps.first.time ? `（${d.gps.first.time}）` : ''}` : '无定位信息'}
      </Descriptions.Item>
      {d.gps && (
        <Descriptions.Item label="GPS 终点" span={2}>
          {positionText(d.gps.last)}{d.gps.last.time ? `（${d.gps.last.time}）` : ''}
          <Typography.Text type="secondary">，共 {d.gps.points} 个定位点</Typography.Text>
        </Descriptions.Item>
      )}
      {d.probeError && (
        <Descriptions.Item label="文件问题" span={2}>
          <Tag color="warning">文件可能已损坏</Tag>{d.probeError}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Where the file came from and how to prove it is unchanged (the SHA-256 of the original). */
export function ClipProvenance({ d }: { d: MediaDetail }) {
  return (
    <Descriptions size="small" column={1} styles={{ label: { width: 96 } }}>
      <Descriptions.Item label="导入时间">{formatDateTime(d.ingestedAt)}</Descriptions.Item>
      {d.sources.map((s, i) => (
        <Descriptions.Item key={`${s.deviceKey}:${s.path}`} label={i === 0 ? '原文件位置' : '相同内容'}>
          <span style={{ wordBreak: 'break-all' }}>{s.path}</span>
          {s.erasedAt && <Tag style={{ marginLeft: 6 }}>已从设备清除</Tag>}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label="校验值">
        <Typography.Text copyable={{ text: d.sha256, tooltips: ['复制', '已复制'] }} style={{ fontFamily: 'Consolas, monospace', fontSize: 12, wordBreak: 'break-all' }}>
          SHA-256 {d.sha256}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}
