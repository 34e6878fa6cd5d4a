// How footage facts read for a clerk: codec names, resolution, GPS positions, import speed and time left.
import type { GpsPoint, IngestState, MediaKind } from '../../../shared/media-types.js';
import { formatDuration } from '../../../shared/logic/text.js';

export const KIND_LABELS: Record<MediaKind, string> = { video: '视频', audio: '录音', image: '照片', other: '其他' };

export const TIME_SOURCE_LABELS = { filename: '取自文件名', metadata: '取自视频信息', file: '取自文件修改时间' } as const;

export const INGEST_STATE_LABELS: Record<IngestState, string> = {
  running: '正在导入',
  done: '导入完成',
  cancelled: '已取消',
  disconnected: '设备已断开',
  failed: '导入失败',
};

const CODEC_NAMES: Record<string, string> = {
  h264: 'H.264',
  hevc: 'H.265（HEVC）',
  h265: 'H.265（HEVC）',
  mpeg4: 'MPEG-4',
  mjpeg: 'MJPEG',
  aac: 'AAC',
  mp3: 'MP3',
  pcm_s16le: 'PCM',
  pcm_alaw: 'G.711 A 律',
  pcm_mulaw: 'G.711 μ 律',
  amr_nb: 'AMR',
  opus: 'Opus',
};

export const codecName = (c: string | null | undefined): string => (c ? (CODEC_NAMES[c] ?? c.toUpperCase()) : '—');

export const isHevc = (c: string | null | undefined): boolean => c === 'hevc' || c === 'h265';

export const resolution = (w: number | null, h: number | null): string => (w && h ? `${w} × ${h}` : '—');

export const durationText = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '—' : formatDuration(ms / 1000));

export const bitRateText = (bps: number | null | undefined): string =>
  !bps ? '—' : bps >= 1_000_000 ? `${(bps / 1_000_000).toFixed(1)} Mbps` : `${Math.round(bps / 1000)} kbps`;

/** 北纬 30.512345°，东经 105.571234° */
export const positionText = (p: Pick<GpsPoint, 'lat' | 'lon'>): string =>
  `${p.lat >= 0 ? '北纬' : '南纬'} ${Math.abs(p.lat).toFixed(6)}°，${p.lon >= 0 ? '东经' : '西经'} ${Math.abs(p.lon).toFixed(6)}°`;

/** Seconds left → '约 1 分 20 秒' / '不到 1 秒'. */
export function etaText(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '正在估算';
  const s = Math.round(seconds);
  if (s < 1) return '不到 1 秒';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h) return `约 ${h} 小时 ${m} 分`;
  if (m) return `约 ${m} 分 ${sec} 秒`;
  return `约 ${sec} 秒`;
}

export const rateText = (mbPerSec: number): string => (mbPerSec > 0 ? `${mbPerSec >= 10 ? Math.round(mbPerSec) : mbPerSec.toFixed(1)} MB/s` : '—');

/** The last path segment (files on a device are reported with `/`). */
export const baseName = (p: string): string => p.split(/[\\/]/).pop() ?? p;
