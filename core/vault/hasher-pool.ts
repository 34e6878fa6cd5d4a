import { Worker } from 'node:worker_threads';

/**
 * SHA-256 on worker threads, so hashing a copy runs on another core than the one issuing its reads
 * and writes, and two files being copied are hashed on two cores. One SHA-256 stream runs at about
 * 1.2–1.7 GB/s on one core here, which is slower than a local disk copies.
 *
 * The chunks live in SharedArrayBuffers (see chunk-buffers.ts): the worker hashes the caller's own
 * memory, nothing is copied or transferred. The worker's source is inlined (and run with
 * `eval`), so it works the same from tsx, the CLI and the bundled Electron main process.
 * Workers are kept for reuse and do not keep the process alive while idle.
 */

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
let hash = createHash('sha256');
parentPort.on('message', (m) => {
  try {
    if (m.op === 'update') {
      hash.update(new Uint8Array(m.buffer, m.offset, m.length));
      parentPort.postMessage({ ok: true });
    } else if (m.op === 'digest') {
      const hex = hash.digest('hex');
      hash = createHash('sha256');
      parentPort.postMessage({ ok: true, hex });
    } else if (m.op === 'reset') {
      hash = createHash('sha256');
      parentPort.postMessage({ ok: true });
    }
  } catch (e) {
    hash = createHash('sha256');
    parentPort.postMessage({ ok: false, message: String(e && e.message || e) });
  }
});
`;

type Reply = { ok: boolean; hex?: string; message?: string };

/** One SHA-256 stream on a worker thread. Updates are hashed in the order they were sent. */
export interface Hasher {
  /** Hashes `length` bytes of `chunk` (a view of a SharedArrayBuffer); resolves once the worker is done with them. */
  update(chunk: Buffer, length: number): Promise<void>;
  /** The hex digest of everything sent since the last digest or reset. */
  digest(): Promise<string>;
  /** Returns the worker to the pool (its stream is reset). Call once, after the last update has settled. */
  release(): void;
}

class WorkerHasher implements Hasher {
  private readonly pending: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  private broken: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (r: Reply) => this.pending.shift()?.resolve(r));
    const fail = (e: Error) => {
      this.broken = e;
      for (const p of this.pending.splice(0)) p.reject(e);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`SHA-256 worker exited (${code})`)));
  }

  private send(message: object): Promise<Reply> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<Reply>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage(message);
    }).then((r) => {
      if (!r.ok) throw new Error(`SHA-256 failed: ${r.message}`);
      return r;
    });
  }

  get usable(): boolean {
    return !this.broken;
  }

  async update(chunk: Buffer, length: number): Promise<void> {
    if (!(chunk.buffer instanceof SharedArrayBuffer)) throw new Error('hasher chunks must be SharedArrayBuffer views');
    await this.send({ op: 'update', buffer: chunk.buffer, offset: chunk.byteOffset, length });
  }

  async digest(): Promise<string> {
    return (await this.send({ op: 'digest' })).hex!;
  }

  release(): void {
    if (!this.usable) {
      void this.worker.terminate();
      return;
    }
    this.worker.unref();
    // Reset, then park: the reset is answered before the next user's first update.
    this.send({ op: 'reset' }).then(
      () => undefined,
      () => undefined,
    );
    if (idle.length < MAX_IDLE) idle.push(this);
    else void this.worker.terminate();
  }

  claim(): this {
    this.worker.ref();
    return this;
  }
}

/** Two files copied at once, plus one spare; more would only compete for the same cores. */
const MAX_IDLE = 3;
const idle: WorkerHasher[] = [];

/** A hasher from the pool (a new worker when none is idle). */
export function acquireHasher(): Hasher {
  for (let h = idle.pop(); h; h = idle.pop()) if (h.usable) return h.claim();
  return new WorkerHasher(new Worker(WORKER_SOURCE, { eval: true })).claim();
}
