#!/usr/bin/env node
// Makes sure the Debian packages the tests need are present: installs them with apt-get when
// running as root (CI, a fresh dev machine), otherwise says exactly what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const PACKAGES = {
  chromium: '/usr/bin/chromium',
  ffmpeg: '/usr/bin/ffmpeg',
  'openssh-server': '/usr/sbin/sshd',
  'poppler-utils': '/usr/bin/pdftotext',
  'fonts-noto-cjk': '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
};

export function ensureSystemDeps() {
  const missing = Object.entries(PACKAGES).filter(([, file]) => !existsSync(file)).map(([pkg]) => pkg);
  if (!missing.length) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`缺少测试所需的系统软件包 / missing Debian packages: ${missing.join(' ')}\n请运行 / run: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.error(`Installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  if (update.status !== 0 || install.status !== 0) {
    console.error(`apt-get failed; install by hand: apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemDeps();
