import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { DeviceIdentity, DeviceProfile } from '../../shared/media-types.js';
import { recogniseVolume } from './device-scan.js';

/** A recorder volume found by polling. */
export interface RecorderVolume {
  volume: string;
  profile: DeviceProfile;
  identity: DeviceIdentity | null;
  identityFile: string | null;
  attachedAt: Date;
}

export interface DeviceDetectorOptions {
  /** Poll interval; 1000 ms keeps detection under two seconds. */
  intervalMs?: number;
  profiles: () => DeviceProfile[];
  /** Extra folders whose sub-folders count as mounted volumes (default: env SANXIANG_MOUNT_ROOTS). */
  extraRoots?: string[];
  /** Replaces the platform's candidate list (tests). */
  candidates?: () => Promise<string[]>;
}

async function children(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}

export function envMountRoots(): string[] {
  return (process.env.SANXIANG_MOUNT_ROOTS ?? '').split(delimiter).filter(Boolean);
}

/** Mounted volumes that could be recorders: drive letters D–Z on Windows, removable-media mount folders elsewhere. */
export async function candidateVolumes(extraRoots: string[] = envMountRoots()): Promise<string[]> {
  const out: string[] = [];
  if (process.platform === 'win32') {
    for (let c = 'D'.charCodeAt(0); c <= 'Z'.charCodeAt(0); c++) {
      const root = `${String.fromCharCode(c)}:\\`;
      if (existsSync(root)) out.push(root);
    }
  } else {
    for (const base of ['/media', '/run/media']) {
      for (const d of await children(base)) {
        const sub = await children(d);
        // /media/<user>/<label> (udisks) or /media/<label> (usbmount)
        out.push(...(sub.length ? sub : [d]));
      }
    }
    out.push(...(await children('/mnt')));
    if (process.platform === 'darwin') out.push(...(await children('/Volumes')));
  }
  for (const r of extraRoots) out.push(...(await children(r)));
  return [...new Set(out)];
}

/**
 * Polls mounted volumes (no fs.watch on devices: it is unreliable on removable media and keeps
 * handles open that block safe removal) and emits `attached` (RecorderVolume) and `detached`
 * (volume path). Unknown volumes are ignored; they are looked at again for a while after they
 * appear (a recorder may still be mounting) and then every 15 s.
 */
export class DeviceDetector extends EventEmitter {
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private chain: Promise<void> = Promise.resolve();
  private readonly known = new Map<string, RecorderVolume>();
  private readonly unknown = new Map<string, { firstSeen: number; lastChecked: number }>();
  readonly intervalMs: number;

  constructor(private readonly opts: DeviceDetectorOptions) {
    super();
    this.intervalMs = opts.intervalMs ?? 1000;
  }

  /** Recorders attached now. */
  devices(): RecorderVolume[] {
    return [...this.known.values()];
  }

  start(): this {
    if (this.timer) return this;
    void this.poll();
    // A tick while a scan is still running (slow USB) is skipped, not queued.
    this.timer = setInterval(() => {
      if (!this.polling) void this.poll();
    }, this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  /** One full scan; when a scan is running, this one starts after it (so its result reflects the present). */
  poll(): Promise<void> {
    this.chain = this.chain.then(() => this.scan());
    return this.chain;
  }

  private async scan(): Promise<void> {
    this.polling = true;
    try {
      const now = Date.now();
      const present = await (this.opts.candidates ?? (() => candidateVolumes(this.opts.extraRoots)))();
      const seen = new Set(present);
      for (const [volume, dev] of this.known) {
        if (!seen.has(volume) || !existsSync(volume)) {
          this.known.delete(volume);
          this.emit('detached', volume, dev);
        }
      }
      for (const volume of this.unknown.keys()) if (!seen.has(volume)) this.unknown.delete(volume);
      for (const volume of present) {
        if (this.known.has(volume)) continue;
        const u = this.unknown.get(volume);
        if (u && now - u.firstSeen > 10_000 && now - u.lastChecked < 15_000) continue;
        const r = await recogniseVolume(volume, this.opts.profiles());
        if (r) {
          this.unknown.delete(volume);
          const dev: RecorderVolume = { volume, ...r, attachedAt: new Date() };
          this.known.set(volume, dev);
          this.emit('attached', dev);
        } else {
          this.unknown.set(volume, { firstSeen: u?.firstSeen ?? now, lastChecked: now });
        }
      }
    } catch (e) {
      if (this.listenerCount('error')) this.emit('error', e);
    } finally {
      this.polling = false;
    }
  }
}
