import { CONTACT_STRIP, stripFrameMs } from '../../shared/media-types.js';
import type { Vault } from '../vault/vault.js';
import { runFfmpeg } from './ffmpeg.js';

/**
 * Stills made from originals, stored in the vault as derived objects (JPEG bytes from ffmpeg's
 * stdout; the original is only read). Thumbnails are 320 px wide; a clip of a minute or more also
 * gets a contact strip of 12 frames (6×2, CONTACT_STRIP) taken at even intervals with fast seeks, so a one-hour
 * 4 GB file costs 12 short decodes, not a full one.
 */

export const STRIP_MIN_MS = 60_000;
const STRIP_FRAMES = CONTACT_STRIP.columns * CONTACT_STRIP.rows;

export interface Still {
  sha256: string;
  size: number;
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** A JPEG thumbnail of a clip (a frame near the start) or of a still image. */
export async function makeThumbnail(vault: Vault, sha256: string, kind: 'video' | 'image', durationMs: number | null, signal?: AbortSignal): Promise<Still> {
  const src = vault.pathOf(sha256);
  const at = kind === 'video' ? Math.min(1000, (durationMs ?? 0) * 0.3) : 0;
  const args = kind === 'video' ? ['-ss', seconds(at), '-i', src] : ['-i', src];
  const r = await runFfmpeg(
    ['-v', 'error', ...args, '-frames:v', '1', '-vf', 'scale=320:-2', '-q:v', '4', '-f', 'image2pipe', '-c:v', 'mjpeg', '-'],
    { signal, lowPriority: true, timeoutMs: 120_000 },
  );
  if (!r.stdout.length) throw new Error('未能生成缩略图');
  const put = vault.putBytes(r.stdout);
  return { sha256: put.sha256, size: put.size };
}

/** A 6×2 contact strip of a long clip. */
export async function makeContactStrip(vault: Vault, sha256: string, durationMs: number, signal?: AbortSignal): Promise<Still> {
  const src = vault.pathOf(sha256);
  const inputs: string[] = [];
  const chains: string[] = [];
  for (let i = 0; i < STRIP_FRAMES; i++) {
    inputs.push('-ss', seconds(stripFrameMs(durationMs, i)), '-i', src);
    chains.push(
      `[${i}:v]trim=end_frame=1,setpts=PTS-STARTPTS,scale=192:108:force_original_aspect_ratio=decrease,pad=192:108:(ow-iw)/2:(oh-ih)/2,setsar=1[v${i}]`,
    );
  }
  const graph = `${chains.join(';')};${Array.from({ length: STRIP_FRAMES }, (_, i) => `[v${i}]`).join('')}concat=n=${STRIP_FRAMES}:v=1:a=0,tile=${CONTACT_STRIP.columns}x${CONTACT_STRIP.rows}[out]`;
  const r = await runFfmpeg(
    ['-v', 'error', ...inputs, '-filter_complex', graph, '-map', '[out]', '-frames:v', '1', '-q:v', '4', '-f', 'image2pipe', '-c:v', 'mjpeg', '-'],
    { signal, lowPriority: true, timeoutMs: 300_000 },
  );
  if (!r.stdout.length) throw new Error('未能生成缩略图条');
  const put = vault.putBytes(r.stdout);
  return { sha256: put.sha256, size: put.size };
}

/** A full-resolution still at `atMs` (accurate seek), for the player's snapshot button. */
export async function makeSnapshot(vault: Vault, sha256: string, atMs: number, signal?: AbortSignal): Promise<Still> {
  const r = await runFfmpeg(
    ['-v', 'error', '-ss', seconds(atMs), '-i', vault.pathOf(sha256), '-frames:v', '1', '-q:v', '2', '-f', 'image2pipe', '-c:v', 'mjpeg', '-'],
    { signal, timeoutMs: 120_000 },
  );
  if (!r.stdout.length) throw new Error('该时间点没有画面（可能超出了视频长度）');
  const put = vault.putBytes(r.stdout);
  return { sha256: put.sha256, size: put.size };
}
