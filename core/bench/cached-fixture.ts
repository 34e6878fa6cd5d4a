import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, type AppContext } from '../app.js';
import { dataPaths } from '../data-folder.js';

/**
 * A benchmark data folder built once into `dir` and reused while its description `want` (version
 * and size) is unchanged; `fixture.json` holds the description and is written only after a
 * complete build, so an interrupted build is redone.
 */
export async function cachedFixture(dir: string, want: string, build: (dir: string) => Promise<void> | void): Promise<string> {
  const stamp = join(dir, 'fixture.json');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await build(dir);
  writeFileSync(stamp, want);
  return dir;
}

/**
 * A fixture made from another one: its database copied (so the source's bench keeps its own), then
 * `fill` adds rows; statistics are refreshed for the planner. Rebuilt when `version` or the source changes.
 */
export async function derivedFixture(
  source: string,
  dir: string,
  version: number,
  fill: (app: AppContext) => Promise<void> | void,
  log: (s: string) => void = () => {},
): Promise<string> {
  const want = JSON.stringify({ version, source: readFileSync(join(source, 'fixture.json'), 'utf8') });
  return cachedFixture(dir, want, async () => {
    log('copying the register fixture');
    copyFileSync(dataPaths(source).db, dataPaths(dir).db);
    const app = openApp({ dataDir: dir });
    try {
      await fill(app);
      app.db.pragma('wal_checkpoint(TRUNCATE)');
      app.db.exec('ANALYZE');
    } finally {
      app.close();
    }
  });
}
