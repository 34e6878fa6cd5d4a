#!/usr/bin/env node
// `npm start [-- --data DIR --port P]`: the desktop app when the Electron runtime is installed,
// otherwise the same UI in the browser (`sanxiang serve` on 127.0.0.1).
// Arguments after `--` are passed through (to Electron, or to `sanxiang serve`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * The Electron executable if it is installed, else null. Deliberately not `require('electron')`:
 * when the binary is missing that tries to download it, which cannot work offline.
 */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const exe = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel) : join(pkg, 'dist', rel);
  return rel && existsSync(exe) ? exe : null;
}

/** Newest modification time under `dir` (files only), 0 when absent. */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The renderer needs building when it never was, or when its sources changed since. */
function rendererStale() {
  const index = join(root, 'dist-renderer', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return Math.max(newest(join(root, 'renderer')), newest(join(root, 'shared'))) > built;
}

/** `npm run <script>` without a shell: through the npm that runs us, else the one next to node. */
function npmRun(script) {
  const npmCli = process.env.npm_execpath || join(dirname(process.execPath), 'node_modules', 'npm', 'bin', 'npm-cli.js');
  const r = existsSync(npmCli)
    ? spawnSync(process.execPath, [npmCli, 'run', '--silent', script], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`npm run ${script} 失败（退出码 ${r.status ?? r.signal}）。`);
    process.exit(r.status || 1);
  }
}

/**
 * Runs `cmd args` with our stdio, forwards termination signals once, and exits with its code.
 * On POSIX the child gets its own process group, so a terminal's Ctrl+C reaches it exactly once
 * (through us) and its clean shutdown (closing the database, releasing the data-folder lock) is
 * not cut short by a second signal. On Windows Ctrl+C reaches every process of the console by
 * itself, and kill() would be a hard kill, so nothing is forwarded.
 */
function runForwarding(cmd, cmdArgs, env = process.env) {
  const posix = process.platform !== 'win32';
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env, detached: posix });
  const forwarded = new Set();
  for (const sig of posix ? ['SIGINT', 'SIGTERM', 'SIGHUP'] : ['SIGINT']) {
    process.on(sig, () => {
      if (!posix || forwarded.has(sig) || child.exitCode !== null) return;
      forwarded.add(sig);
      child.kill(sig);
    });
  }
  child.on('error', (e) => {
    console.error(`无法启动 ${cmd}：${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (electron) {
  if (rendererStale()) npmRun('build:renderer');
  npmRun('build:electron');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runForwarding(electron, ['.', ...args], env);
} else {
  console.log(
    'Electron 运行时不可用（无法在此机器下载），改为浏览器模式：界面在本机 127.0.0.1 上提供，请用浏览器打开下面打印的地址。\n' +
      'The Electron runtime is not available (it cannot be downloaded on this machine); starting in browser mode: ' +
      'open the address printed below in a browser.',
  );
  if (rendererStale()) npmRun('build:renderer');
  runForwarding(process.execPath, [join(root, 'cli', 'sanxiang.mjs'), 'serve', ...args]);
}
