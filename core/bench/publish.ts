import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishPhase } from '../../shared/disclosure-types.js';
import { authenticate } from '../accounts/login.js';
import { openApp, type AppContext } from '../app.js';
import { dispatch } from '../dispatch.js';
import { finalCheck, PDF_KEY } from '../disclosure/final-check.js';
import { makeManifest } from '../disclosure/manifest.js';
import { buildSiteWithIndex } from '../disclosure/site/build.js';
import { loadSiteContent } from '../disclosure/site-content.js';
import { runPublish } from '../publish/publish-run.js';
import type { PublishTarget } from '../publish/targets.js';
import { startLocalSshd, sshdAvailable } from './local-sshd.js';
import { publishFixture, PUBLISH_BENCH_PASSWORD } from './publish-fixture.js';

/** Targets from issue 6. */
export const PUBLISH_TARGETS = { fullBuildMs: 10_000, incrementalMs: 3_000, incrementalFiles: 50 };

/** A working copy of the fixture: the database copied, the (read-only, content-addressed) vault hard-linked. */
function workingCopy(src: string): string {
  const dst = mkdtempSync(join(tmpdir(), 'sanxiang-bench-publish-'));
  for (const f of readdirSync(src)) if (f.startsWith('sanxiang.db')) copyFileSync(join(src, f), join(dst, f));
  const walk = (rel: string) => {
    mkdirSync(join(dst, rel), { recursive: true });
    for (const e of readdirSync(join(src, rel), { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(rel, e.name));
      else if (!existsSync(join(dst, rel, e.name))) linkSync(join(src, rel, e.name), join(dst, rel, e.name));
    }
  };
  if (existsSync(join(src, 'vault'))) walk('vault');
  return dst;
}

const ms = (t0: number) => Math.round(performance.now() - t0);

async function as<T>(app: AppContext, username: string, op: string, input: unknown): Promise<T> {
  const { user } = authenticate(app, username, PUBLISH_BENCH_PASSWORD);
  const r = await dispatch(app, op, input, { user });
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.value as T;
}

/** Publishes and records when each phase started (ms from the call). */
async function timedPublish(app: AppContext, target: PublishTarget) {
  const t0 = performance.now();
  const phases: Partial<Record<PublishPhase, number>> = {};
  const r = await runPublish(app, target, { id: null, username: 'bench' }, { onProgress: (p) => (phases[p.phase] ??= ms(t0)) });
  return { ms: ms(t0), phases, result: r };
}

/**
 * Issue 6's publishing figures on a site of `items` results: full build (load + build + manifest),
 * the final check cold and warm, then over a loopback OpenSSH sshd the first full publish
 * (files/s, MB/s), an incremental publish after one corrected item, and a publish with no change.
 */
export async function benchPublish(cacheDir: string, items = 10_000, log: (s: string) => void = () => {}) {
  const fixture = await publishFixture(cacheDir, items, log);
  const dir = workingCopy(fixture);
  const app = openApp({ dataDir: dir });
  try {
    let t = performance.now();
    const loaded = loadSiteContent(app);
    const loadMs = ms(t);
    t = performance.now();
    const built = buildSiteWithIndex(loaded.content);
    const buildMs = ms(t);
    t = performance.now();
    const manifest = makeManifest(built.files, built.attachments);
    const manifestMs = ms(t);
    const fullBuildMs = loadMs + buildMs + manifestMs;
    t = performance.now();
    const again = buildSiteWithIndex(loaded.content);
    const rebuildMs = ms(t);
    const identical = makeManifest(again.files, again.attachments).sha256 === manifest.sha256;

    const checkInput = { files: built.files, attachments: built.attachments, read: loaded.read, itemsOf: built.itemsOf, items: new Map([...loaded.items].map(([s, v]) => [s, { options: v.options, title: v.title }])), siteOptions: loaded.siteOptions, hashes: new Map([...manifest.files].map(([p, e]) => [p, e.sha256])) };
    app.db.prepare(`DELETE FROM publish_checked WHERE options_hash <> ?`).run(PDF_KEY);
    t = performance.now();
    const cold = finalCheck(app, checkInput, new Date().toISOString());
    const checkColdMs = ms(t);
    t = performance.now();
    const warm = finalCheck(app, checkInput, new Date().toISOString());
    const checkWarmMs = ms(t);

    const out: Record<string, unknown> = {
      items,
      files: manifest.files.size,
      pages: [...built.files.keys()].filter((p) => p.endsWith('.html')).length,
      mb: Math.round((manifest.bytes / 1024 / 1024) * 10) / 10,
      fullBuild: { ms: fullBuildMs, loadMs, buildMs, manifestMs, rebuildMs, byteIdentical: identical, targetMs: PUBLISH_TARGETS.fullBuildMs, met: fullBuildMs < PUBLISH_TARGETS.fullBuildMs },
      finalCheck: { coldMs: checkColdMs, filesChecked: cold.checked, warmMs: checkWarmMs, cachedFiles: warm.cached, ok: cold.ok },
    };
    if (!sshdAvailable()) return { ...out, sftp: '未安装 openssh-server（/usr/sbin/sshd），跳过 SFTP 发布测试' };

    const sshd = await startLocalSshd();
    try {
      const target: PublishTarget = {
        kind: 'sftp',
        id: null,
        name: 'bench',
        keepReleases: 5,
        sftp: { host: sshd.host, port: sshd.port, username: sshd.username, remoteDir: join(sshd.webRoot, 'site'), hostKey: sshd.hostKeyFingerprint, privateKey: sshd.clientKey },
      };
      log('首次完整发布…');
      const first = await timedPublish(app, target);
      const uploadMs = first.ms - (first.phases.uploading ?? 0);
      out.firstPublish = {
        ms: first.ms,
        phases: first.phases,
        files: first.result.uploaded,
        mb: Math.round((first.result.bytes / 1024 / 1024) * 10) / 10,
        filesPerSecond: Math.round(first.result.uploaded / (uploadMs / 1000)),
        mbPerSecond: Math.round((first.result.bytes / 1024 / 1024 / (uploadMs / 1000)) * 10) / 10,
      };
      const someId = (app.db.prepare(`SELECT id FROM disclosure_items WHERE state = 'published' AND kind = 'penalty' ORDER BY id LIMIT 1 OFFSET 17`).get() as { id: number }).id;
      const v2 = await as<{ id: number }>(app, 'zhifa', 'disclosure.correct', { id: someId, note: '罚款金额录入有误，已更正。', result: { fine: 12345 } });
      await as(app, 'zhifa', 'disclosure.submit', { id: v2.id });
      await as(app, 'gongkai', 'disclosure.approve', { id: v2.id });
      const inc = await timedPublish(app, target);
      // Live = switched and recorded; old releases are removed after that (best effort, `ms` includes it).
      const liveMs = inc.phases.cleaning ?? inc.ms;
      out.incrementalPublish = {
        liveMs,
        ms: inc.ms,
        phases: inc.phases,
        uploaded: inc.result.uploaded,
        linked: inc.result.linked,
        targetMs: PUBLISH_TARGETS.incrementalMs,
        met: liveMs < PUBLISH_TARGETS.incrementalMs && inc.result.uploaded < PUBLISH_TARGETS.incrementalFiles,
      };
      const none = await timedPublish(app, target);
      out.unchangedPublish = { ms: none.ms, uploaded: none.result.uploaded, switched: none.result.switched };
    } finally {
      await sshd.stop();
    }
    return out;
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
