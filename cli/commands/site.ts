import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { prepare } from '../../core/publish/publish-run.js';
import { bytesOf } from '../../core/publish/source.js';
import { UsageError } from '../io.js';
import { requireString, withApp } from './common.js';
import type { Command } from './types.js';

const MARKER = '.sanxiang-site';

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), base) : [relative(base, join(dir, d.name)).split(sep).join('/')],
  );
}

export const siteCommand: Command = {
  summary: '用已审核的公示内容生成静态公示网站（与发布的文件完全相同，已通过个人信息自动检查）',
  usage: 'site build --data D --out 文件夹 [--json]',
  options: { out: { type: 'string' } },
  async run(args) {
    if (args.positionals[0] !== 'build') throw new UsageError('用法：sanxiang site build --data D --out 文件夹');
    const out = resolve(requireString(args, 'out'));
    if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, MARKER))) {
      throw new UsageError(`文件夹 ${out} 不是空的，也不是本程序生成的网站。请指定一个空文件夹。`);
    }
    return withApp(args, (app) => {
      const { built, loaded, manifest } = prepare(app, 'folder', app.now().toISOString());
      mkdirSync(out, { recursive: true });
      const previous = existsSync(join(out, MARKER)) ? listFiles(out) : [];
      for (const p of previous) if (p !== MARKER && !manifest.files.has(p)) rmSync(join(out, ...p.split('/')), { force: true });
      const src = { files: built.files, attachments: built.attachments, read: loaded.read };
      for (const p of manifest.files.keys()) {
        const data = bytesOf(src, p);
        const file = join(out, ...p.split('/'));
        if (existsSync(file) && readFileSync(file).equals(data)) continue;
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, data);
      }
      writeFileSync(join(out, MARKER), `${manifest.release}\n`);
      const pages = [...built.files.keys()].filter((p) => p.endsWith('.html')).length;
      const result = { pages, items: loaded.content.items.length, files: manifest.files.size, bytes: manifest.bytes, release: manifest.release, out };
      args.out.result(result, `已生成公示网站：${out}\n页面 ${pages} 个，公示信息 ${result.items} 条，文件 ${result.files} 个。`);
      return 0;
    });
  },
};
