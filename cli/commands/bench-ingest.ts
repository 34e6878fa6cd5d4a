import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from '../../core/app.js';
import { copyIntoVault } from '../../core/ingest/copy-verify.js';
import { DeviceDetector } from '../../core/ingest/device-detect.js';
import { DEFAULT_PROFILES } from '../../shared/media-defaults.js';
import { mediaBinaries } from '../../core/media/ffmpeg.js';
import { probeFile } from '../../core/media/probe.js';
import { makeProxy } from '../../core/media/proxy-queue.js';
import type { Out } from '../io.js';
import type { Command } from './types.js';

/**
 * `sanxiang bench ingest --json` (the lead hooks `benchIngest` into the bench command).
 * A ~2 GB set of 1080p clips is generated once into `.bench-cache/ingest/set` (one 20 Mbit/s clip
 * encoded with ffmpeg, copied 10× with different trailing bytes so every hash differs). Each method
 * runs 5 times on the same disk, each ending with `sync`, in a rotating order; medians are compared:
 *   ingest (one pass: read → SHA-256 + write → fsync → size check → rename → probe → register)
 *   `cp -r`, `cp -r` + `openssl dgst -sha256` on every copy, `cp -r` + `sha256sum`.
 * Also: peak RSS of the ingest process, device-detection latency, proxy transcode speed.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'cli', 'sanxiang.mjs');

export interface BenchIngestResult {
  set: { files: number; bytes: number; clip: string };
  runs: number;
  seconds: { ingest: number; ingestWall: number; cp: number; cpOpenssl: number; cpSha256sum: number };
  /** Every run, in seconds (the medians above are taken from these). */
  samples: Record<'ingest' | 'ingestWall' | 'cp' | 'cpOpenssl' | 'cpSha256sum', number[]>;
  /** 1-minute load average when the bench started (other work on the machine skews every figure). */
  loadAverage: number;
  mbPerSec: { ingest: number; cp: number };
  ratios: { ingestVsCp: number; ingestVsCpOpenssl: number; ingestVsCpSha256sum: number };
  /** The same ratios from the fastest run of each method (less sensitive to other work on a shared machine). */
  ratiosBest: { ingestVsCp: number; ingestVsCpOpenssl: number; ingestVsCpSha256sum: number };
  targets: { ingestWithin1_3xCp: boolean; ingestFasterThanCpOpenssl: boolean; peakRssUnder200Mb: boolean; detectionUnder2s: boolean };
  peakRssMb: number;
  /** The same CLI process importing an empty folder: what loading the program costs before any copying. */
  baselineRssMb: number;
  detectionMs: { median: number; max: number; samples: number[]; pollIntervalMs: number };
  proxy: { clipSeconds: number; seconds: number; xRealtime: number; threads: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const sync = () => execFileSync('sync');

function timed(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  sync();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Generates the clip set once. */
export function ensureBenchSet(cache: string, out?: Out, copies = 10, clipSeconds = 80): { dir: string; clip: string } {
  const dir = join(cache, 'set');
  const media = join(dir, 'DCIM', '100MEDIA');
  const clip = join(cache, 'clip-1080p.mp4');
  const marker = join(cache, 'set.done');
  if (existsSync(marker)) return { dir, clip };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(media, { recursive: true });
  if (!existsSync(clip)) {
    out?.progress(`正在生成 1080p 测试视频（${clipSeconds} 秒，20 Mbit/s），只需一次…`);
    const ffmpeg = existsSync('/usr/bin/ffmpeg') ? '/usr/bin/ffmpeg' : mediaBinaries().ffmpeg;
    execFileSync(ffmpeg, [
      '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
      '-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=30:duration=${clipSeconds}`,
      '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${clipSeconds}`,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '20M', '-maxrate', '20M', '-bufsize', '40M', '-pix_fmt', 'yuv420p',
      '-c:a', 'aac', '-b:a', '128k', `${clip}.tmp.mp4`,
    ]);
    copyFileSync(`${clip}.tmp.mp4`, clip);
    rmSync(`${clip}.tmp.mp4`);
  }
  for (let i = 0; i < copies; i++) {
    const f = join(media, `DCAM_BENCH001_000001_20260301_09${String(i).padStart(2, '0')}00.mp4`);
    copyFileSync(clip, f);
    appendFileSync(f, randomBytes(16));
  }
  writeFileSync(marker, new Date().toISOString());
  return { dir, clip };
}

/** Reads a file through the page cache, 4 MiB at a time, keeping nothing. */
function warmPageCache(file: string): void {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
  try {
    for (let at = 0, n; (n = readSync(fd, buf, 0, buf.length, at)) > 0; at += n);
  } finally {
    closeSync(fd);
  }
}

function freshData(work: string): string {
  const data = mkdtempSync(join(work, 'data-'));
  openApp({ dataDir: data, create: true }).close();
  return data;
}

function runIngestChild(set: string, data: string): Promise<{ wall: number; durationMs: number; maxRssKb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, 'ingest', set, '--data', data, '--json'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, SANXIANG_BENCH_STATS: '1' },
    });
    let stdout = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.on('error', reject);
    child.on('close', (code) => {
      const s0 = process.hrtime.bigint();
      sync();
      const end = process.hrtime.bigint();
      const wall = Number(end - t0) / 1e9;
      if (code !== 0) return reject(new Error(`ingest exited ${code}: ${stdout}`));
      const r = JSON.parse(stdout.trim().split('\n').pop()!);
      // The import's own time (scan, copy+hash, fsync, rename, probe, register) plus the final sync.
      resolve({ wall, durationMs: r.durationMs + Number(end - s0) / 1e6, maxRssKb: r.maxRssKb });
    });
  });
}

async function detectionLatency(work: string, samples = 5): Promise<{ median: number; max: number; samples: number[]; pollIntervalMs: number }> {
  const root = mkdtempSync(join(work, 'mounts-'));
  const d = new DeviceDetector({ profiles: () => DEFAULT_PROFILES, extraRoots: [root] }).start();
  const keepAlive = setInterval(() => undefined, 1000);
  const times: number[] = [];
  try {
    await d.poll();
    for (let i = 0; i < samples; i++) {
      await new Promise((r) => setTimeout(r, 137 * (i + 1))); // land at different points of the poll cycle
      const vol = join(root, `REC${i}`);
      const attached = new Promise<void>((resolve) => d.once('attached', () => resolve()));
      const t0 = Date.now();
      mkdirSync(join(vol, 'DCIM', '100MEDIA'), { recursive: true });
      writeFileSync(join(vol, 'ZFY_INFO.txt'), `SERIAL=BENCH${i}\nOFFICER_NO=000001\n`);
      writeFileSync(join(vol, 'DCIM', '100MEDIA', 'DCAM_BENCH_000001_20260301_090000.mp4'), 'x');
      await attached;
      times.push(Date.now() - t0);
      rmSync(vol, { recursive: true, force: true });
      await d.poll();
    }
  } finally {
    clearInterval(keepAlive);
    d.stop();
    rmSync(root, { recursive: true, force: true });
  }
  return { median: median(times), max: Math.max(...times), samples: times, pollIntervalMs: d.intervalMs };
}

async function proxySpeed(work: string, clip: string): Promise<BenchIngestResult['proxy']> {
  const data = freshData(work);
  const app = openApp({ dataDir: data });
  try {
    const { sha256 } = await copyIntoVault(app.vault, clip);
    const facts = await probeFile(app.vault.pathOf(sha256));
    const p = await makeProxy(app, sha256, facts.durationMs, { threads: 2 });
    const clipSeconds = (facts.durationMs ?? 0) / 1000;
    return { clipSeconds, seconds: round(clipSeconds / p.speed, 2), xRealtime: round(p.speed, 2), threads: 2 };
  } finally {
    app.close();
    rmSync(data, { recursive: true, force: true });
  }
}

export async function benchIngest(opts: { out?: Out; runs?: number; cacheDir?: string } = {}): Promise<BenchIngestResult> {
  const cache = opts.cacheDir ?? join(ROOT, '.bench-cache', 'ingest');
  mkdirSync(cache, { recursive: true });
  const { dir: set, clip } = ensureBenchSet(cache, opts.out);
  const work = join(cache, 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const files = readdirSync(join(set, 'DCIM', '100MEDIA')).map((f) => join(set, 'DCIM', '100MEDIA', f));
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const runs = opts.runs ?? 5;
  const load = loadavg()[0];
  const t = { ingest: [] as number[], ingestWall: [] as number[], cp: [] as number[], cpOpenssl: [] as number[], cpSha256sum: [] as number[] };
  let peakKb = 0;
  const dest = join(work, 'cp-dest');
  const copyThen = (hasher: string[] | null) => () => {
    spawnSync('cp', ['-r', set, dest], { stdio: 'ignore' });
    if (hasher) {
      const copies = readdirSync(join(dest, 'DCIM', '100MEDIA')).map((f) => join(dest, 'DCIM', '100MEDIA', f));
      const r = spawnSync(hasher[0], [...hasher.slice(1), ...copies], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error(`${hasher[0]} failed`);
    }
  };
  const methods: [keyof typeof t | 'ingest', () => Promise<void> | void][] = [
    [
      'ingest',
      async () => {
        const data = freshData(work);
        sync();
        const r = await runIngestChild(set, data);
        t.ingest.push(r.durationMs / 1000);
        t.ingestWall.push(r.wall);
        peakKb = Math.max(peakKb, r.maxRssKb);
        rmSync(data, { recursive: true, force: true });
      },
    ],
    ['cp', () => void t.cp.push(timed(copyThen(null)))],
    ['cpOpenssl', () => void t.cpOpenssl.push(timed(copyThen(['openssl', 'dgst', '-sha256'])))],
    ['cpSha256sum', () => void t.cpSha256sum.push(timed(copyThen(['sha256sum'])))],
  ];
  // Every method reads the set from the page cache; read it once first so the first run is not the only cold one.
  // In small chunks: a whole file read into this process would stay in its memory, and a child forked
  // from it would report that as its own peak (Linux keeps the larger peak across exec).
  for (const f of files) warmPageCache(f);
  // Each round starts with a different method, so none is always the one that follows a big delete.
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < methods.length; k++) {
      const [key, run] = methods[(i + k) % methods.length];
      opts.out?.progress(`第 ${i + 1}/${runs} 轮：${key}…`);
      rmSync(dest, { recursive: true, force: true });
      sync();
      await run();
    }
    rmSync(dest, { recursive: true, force: true });
  }
  const emptyDir = mkdtempSync(join(work, 'empty-'));
  const baseData = freshData(work);
  const baseline = await runIngestChild(emptyDir, baseData);
  opts.out?.progress('设备识别延迟…');
  const detection = await detectionLatency(work);
  opts.out?.progress('代理视频转码速度…');
  const proxy = await proxySpeed(work, clip);
  rmSync(work, { recursive: true, force: true });
  const s = { ingest: median(t.ingest), ingestWall: median(t.ingestWall), cp: median(t.cp), cpOpenssl: median(t.cpOpenssl), cpSha256sum: median(t.cpSha256sum) };
  const peakRssMb = round(peakKb / 1024, 1);
  return {
    set: { files: files.length, bytes, clip: '1920x1080 30 fps H.264 20 Mbit/s + AAC' },
    runs,
    samples: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.map((x) => round(x, 2))])) as BenchIngestResult['samples'],
    loadAverage: round(load, 2),
    seconds: { ingest: round(s.ingest), ingestWall: round(s.ingestWall), cp: round(s.cp), cpOpenssl: round(s.cpOpenssl), cpSha256sum: round(s.cpSha256sum) },
    mbPerSec: { ingest: round(bytes / 1024 ** 2 / s.ingest, 1), cp: round(bytes / 1024 ** 2 / s.cp, 1) },
    ratios: { ingestVsCp: round(s.ingest / s.cp), ingestVsCpOpenssl: round(s.ingest / s.cpOpenssl), ingestVsCpSha256sum: round(s.ingest / s.cpSha256sum) },
    ratiosBest: {
      ingestVsCp: round(Math.min(...t.ingest) / Math.min(...t.cp)),
      ingestVsCpOpenssl: round(Math.min(...t.ingest) / Math.min(...t.cpOpenssl)),
      ingestVsCpSha256sum: round(Math.min(...t.ingest) / Math.min(...t.cpSha256sum)),
    },
    targets: {
      ingestWithin1_3xCp: s.ingest <= 1.3 * s.cp,
      ingestFasterThanCpOpenssl: s.ingest < s.cpOpenssl,
      peakRssUnder200Mb: peakRssMb < 200,
      detectionUnder2s: detection.max < 2000,
    },
    peakRssMb,
    baselineRssMb: round(baseline.maxRssKb / 1024, 1),
    detectionMs: detection,
    proxy,
  };
}

/** Convenience wrapper if the lead prefers registering a command object. */
export const benchIngestCommand: Command = {
  summary: '导入性能测试：与 cp、cp + openssl、cp + sha256sum 对比',
  usage: 'bench ingest [--json]',
  async run(args) {
    const r = await benchIngest({ out: args.out });
    args.out.result(r);
    return 0;
  },
};
