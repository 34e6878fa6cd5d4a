#!/usr/bin/env node
// Bundles the Electron shell with esbuild:
//   electron/main/index.ts    → dist-electron/main.cjs     (Node 22 in Electron 45; core and shared inlined)
//   electron/preload/index.ts → dist-electron/preload.cjs  (sandboxed preload: one file, requires only `electron`)
// Usage: node scripts/build-electron.mjs   (npm run build:electron)
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Production dependencies inlined into main.cjs. Everything else in `dependencies` stays a
 * `require()` of node_modules (shipped by electron-builder): native modules (better-sqlite3, ssh2's
 * optional crypto), packages that read their own files at run time (pdfkit's font metrics, the
 * ffmpeg installers), and whatever is added later, which is the safe default.
 */
const INLINED = new Set(['zod', 'electron-store']);

/** The main bundle is CommonJS; core is ESM and may use import.meta (URL of the running file). */
const IMPORT_META_SHIM = "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;";

/**
 * The operation names, read from shared/contract at build time. The preload needs only this list
 * (its types come from the contract through tsc), so it stays a few kilobytes instead of carrying
 * zod and every schema into each page.
 */
export async function contractOpNames(root = projectRoot) {
  const out = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'shared/contract/index.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, createRequire(join(root, 'package.json')));
  const names = module.exports.OP_NAMES;
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) {
    throw new Error('shared/contract/index.ts did not yield a list of operation names (OP_NAMES)');
  }
  return names;
}

/** Replaces the preload's import of shared/contract with just `OP_NAMES` (type imports are erased anyway). */
const opNamesOnly = (names) => ({
  name: 'op-names-only',
  setup(b) {
    b.onResolve({ filter: /[\\/]shared[\\/]contract[\\/]index(\.js|\.ts)?$/ }, (args) => ({ path: args.path, namespace: 'op-names' }));
    b.onLoad({ filter: /.*/, namespace: 'op-names' }, () => ({
      contents: `export const OP_NAMES = Object.freeze(${JSON.stringify(names)});`,
      loader: 'js',
    }));
  },
});

export async function buildElectron({ root = projectRoot, outdir = join(root, 'dist-electron'), logLevel = 'info' } = {}) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const external = [
    'electron',
    ...Object.keys(pkg.dependencies ?? {}).filter((d) => !INLINED.has(d)),
    '@ffmpeg-installer/*',
    '@ffprobe-installer/*',
  ];
  const common = { absWorkingDir: root, bundle: true, format: 'cjs', sourcemap: 'linked', legalComments: 'none', logLevel, metafile: true, charset: 'utf8' };

  const main = await build({
    ...common,
    entryPoints: [join(root, 'electron/main/index.ts')],
    outfile: join(outdir, 'main.cjs'),
    platform: 'node',
    target: 'node22',
    external,
    banner: { js: IMPORT_META_SHIM },
    define: {
      'import.meta.url': '__import_meta_url',
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
    },
  });

  const preload = await build({
    ...common,
    entryPoints: [join(root, 'electron/preload/index.ts')],
    outfile: join(outdir, 'preload.cjs'),
    // A sandboxed preload is a browser context with a tiny `require`: no Node built-ins.
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
    plugins: [opNamesOnly(await contractOpNames(root))],
  });

  // The sandbox's require knows only electron, events, timers and url: anything else fails at run time.
  const preloadImports = Object.values(preload.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  const stray = preloadImports.filter((p) => p !== 'electron');
  if (stray.length) throw new Error(`preload.cjs must require only 'electron', but requires: ${stray.join(', ')}`);

  const mainExternals = [...new Set(Object.values(main.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))].sort();
  return { main: join(outdir, 'main.cjs'), preload: join(outdir, 'preload.cjs'), mainExternals, outdir: relative(root, outdir) || '.' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const r = await buildElectron();
    console.log(`built ${relative(projectRoot, r.main)} and ${relative(projectRoot, r.preload)}`);
    console.log(`main.cjs requires at run time: ${r.mainExternals.join(', ')}`);
  } catch (e) {
    if (!e?.errors) console.error(e);
    process.exit(1);
  }
}
