#!/usr/bin/env node
// Runs the test suites with Node's own test runner (TypeScript through tsx).
// Usage: node scripts/test.mjs [suite ...]   suites: unit db e2e (default: all)
// The e2e suite builds the renderer first and needs Chromium (see README).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureSystemDeps } from './system-deps.mjs';

const ALL = ['unit', 'db', 'e2e'];
const suites = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
for (const s of suites) if (!ALL.includes(s)) { console.error(`unknown suite: ${s} (one of ${ALL.join(', ')})`); process.exit(2); }

function testFiles(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(testFiles(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

if (suites.some((s) => s !== 'unit')) ensureSystemDeps();
if (suites.includes('e2e')) {
  const build = spawnSync('npm', ['run', '--silent', 'build:renderer'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const files = suites.flatMap((s) => testFiles(join('tests', s)));
const args = ['--import', 'tsx', '--test', '--test-concurrency=2', ...files];
// The product serves Chinese bureaus and the browser tests run in the Asia/Shanghai zone: the services
// must agree with the browser on what "today" is, whatever zone the machine is set to.
const run = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai' } });
process.exit(run.status ?? 1);
