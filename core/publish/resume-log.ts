import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ResumeEntry {
  release: string;
  path: string;
  sha256: string;
  size: number;
}

/**
 * What an interrupted publish had already put on the server: one JSON line per file that was
 * written (or linked) completely, kept in the data folder. The next publish keeps those files
 * (when the server still has them with the same size) instead of sending them again.
 * Lines are buffered and flushed every 50 files and when the publish ends, fails or is cancelled.
 */
export class ResumeLog {
  private buffer: string[] = [];
  constructor(readonly file: string) {}

  read(): ResumeEntry[] {
    if (!existsSync(this.file)) return [];
    const out: ResumeEntry[] = [];
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      try {
        const e = JSON.parse(line) as ResumeEntry;
        if (e && typeof e.path === 'string' && typeof e.sha256 === 'string') out.push(e);
      } catch {
        // a torn last line after a crash
      }
    }
    return out;
  }

  add(e: ResumeEntry): void {
    this.buffer.push(JSON.stringify(e));
    if (this.buffer.length >= 50) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    mkdirSync(dirname(this.file), { recursive: true });
    appendFileSync(this.file, this.buffer.join('\n') + '\n');
    this.buffer = [];
  }

  clear(): void {
    this.buffer = [];
    rmSync(this.file, { force: true });
  }
}
