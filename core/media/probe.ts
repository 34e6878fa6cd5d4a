import type { MediaFacts, MediaKind } from '../../shared/media-types.js';
import { MediaToolError, runFfmpeg, runFfprobe } from './ffmpeg.js';
import { gpsFromSrt } from './gps.js';

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  tags?: Record<string, string>;
}
interface ProbeJson {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; bit_rate?: string; tags?: Record<string, string> };
}

export class ProbeError extends Error {}

const KIND_BY_EXT: Record<string, MediaKind> = {
  mp4: 'video', mov: 'video', avi: 'video', mkv: 'video', ts: 'video',
  jpg: 'image', jpeg: 'image', png: 'image',
  wav: 'audio', amr: 'audio', m4a: 'audio', aac: 'audio', mp3: 'audio',
};
export const kindOfExt = (ext: string): MediaKind => KIND_BY_EXT[ext.toLowerCase()] ?? 'other';

function rate(s?: string): number | null {
  if (!s) return null;
  const [a, b] = s.split('/').map(Number);
  const v = b ? a / b : a;
  return Number.isFinite(v) && v > 0 && v < 1000 ? Math.round(v * 1000) / 1000 : null;
}

function isoTime(s?: string): string | null {
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 ? null : d.toISOString();
}

/** Turns ffprobe's JSON into facts (pure; tested with canned output). */
export function factsFromProbe(j: ProbeJson): Omit<MediaFacts, 'gps'> {
  const streams = j.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video' && s.codec_name !== 'mjpeg') ?? streams.find((s) => s.codec_type === 'video');
  const a = streams.find((s) => s.codec_type === 'audio');
  const dur = Number(j.format?.duration);
  const br = Number(j.format?.bit_rate);
  return {
    formatName: j.format?.format_name ?? null,
    durationMs: Number.isFinite(dur) && dur > 0 ? Math.round(dur * 1000) : null,
    videoCodec: v?.codec_name ?? null,
    audioCodec: a?.codec_name ?? null,
    width: v?.width ?? null,
    height: v?.height ?? null,
    fps: v ? rate(v.avg_frame_rate) ?? rate(v.r_frame_rate) : null,
    bitRate: Number.isFinite(br) && br > 0 ? Math.round(br) : null,
    creationTime: isoTime(j.format?.tags?.creation_time) ?? isoTime(v?.tags?.creation_time),
    subtitleStreams: streams.filter((s) => s.codec_type === 'subtitle').length,
  };
}

/** Human reason for a probe failure, in Chinese. */
function reasonOf(e: unknown): string {
  const text = e instanceof MediaToolError ? e.stderr : String((e as Error)?.message ?? e);
  if (/moov atom not found|Invalid data found|End of file|truncated/i.test(text)) {
    return '文件不完整或已损坏（可能录制中断或复制中断），无法读取音视频信息；原始文件已按原样保存';
  }
  if (/处理超时/.test(text)) return '读取音视频信息超时';
  const last = text.trim().split(/\r?\n/).pop() ?? '';
  return `无法读取音视频信息：${last.slice(0, 200)}`;
}

/**
 * Probes a file with ffprobe (`-print_format json -show_format -show_streams`) and, when it has a
 * subtitle stream, reads GPS fixes from its `$G:` lines. Throws ProbeError (Chinese reason) when the
 * file cannot be read as media.
 */
export async function probeFile(path: string, opts: { signal?: AbortSignal } = {}): Promise<MediaFacts> {
  let j: ProbeJson;
  try {
    const r = await runFfprobe(['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-i', path], {
      signal: opts.signal,
      timeoutMs: 60_000,
    });
    j = JSON.parse(r.stdout.toString('utf8')) as ProbeJson;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ProbeError(reasonOf(e));
  }
  const facts = factsFromProbe(j);
  if (!j.streams?.length || (!facts.videoCodec && !facts.audioCodec)) {
    throw new ProbeError('文件中没有可识别的音视频数据（可能不完整或已损坏）；原始文件已按原样保存');
  }
  let gps = null;
  if (facts.subtitleStreams > 0) gps = await readGps(path, opts.signal).catch(() => null);
  return { ...facts, gps };
}

/** Extracts the first subtitle stream as SRT text and parses its `$G:` lines. */
export async function readGps(path: string, signal?: AbortSignal) {
  const r = await runFfmpeg(['-v', 'error', '-i', path, '-map', '0:s:0', '-f', 'srt', '-'], { signal, timeoutMs: 120_000, maxStdout: 32 * 1024 * 1024 });
  return gpsFromSrt(r.stdout.toString('utf8'));
}
