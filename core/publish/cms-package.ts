import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DISCLOSURE_KIND_LABELS } from '../../shared/disclosure-domain.js';
import type { Manifest } from '../disclosure/manifest.js';
import { SITE_CSS } from '../disclosure/site/assets.js';
import { itemBody } from '../disclosure/site/pages.js';
import type { AttachmentReader, BuiltSite, SiteContent } from '../disclosure/site/types.js';
import { UserError } from '../errors.js';
import { bytesOf } from './source.js';
import { zip } from './zip.js';

const README = `行政执法公示 —— 政府门户网站导入包

本压缩包供县级政府门户网站“行政执法公示”栏目的编辑导入使用。
  index.json          全部公示信息的目录（标题、类别、文号、日期），以及 withdrawn：已撤回、须从栏目中删除的信息编号
  items/<编号>.html   每条信息的正文片段（不含页头页尾，可直接粘贴到栏目正文）
  items/<编号>.json   每条信息的结构化数据（双公示字段）
  items/<编号>.pdf    公开版决定书（已脱敏）
  style.css           片段使用的样式（可选）
同一编号的信息再次出现时为更正后的版本，请覆盖原信息并保留更正说明。
所有内容均已通过人工审核和个人信息自动检查。
`;

/**
 * The package for counties whose departments publish through a column on the county portal:
 * per item an HTML fragment, its structured data (JSON) and its attachments, plus an index.
 * Deterministic like the site, and checked by the same final check before it is written.
 */
export function buildCmsPackage(content: SiteContent, withdrawn: number[]): BuiltSite {
  const out = new Map<string, Buffer>();
  const itemsOf = new Map<string, number[]>();
  const attachments = new Map<string, { sha256: string; size: number }>();
  const put = (p: string, data: string | Buffer, series?: number) => {
    out.set(p, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    if (series != null) itemsOf.set(p, [series]);
  };
  const items = [...content.items].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.seriesId - a.seriesId));
  const index = items.map((i) => {
    const files: string[] = [];
    for (const [path, a] of [
      [`items/${i.seriesId}.pdf`, i.pdf],
      [`items/${i.seriesId}.${i.image?.ext}`, i.image],
    ] as const) {
      if (!a) continue;
      attachments.set(path, { sha256: a.sha256, size: a.size });
      itemsOf.set(path, [i.seriesId]);
      files.push(path);
    }
    put(`items/${i.seriesId}.html`, `<div class="zfgs-item">\n${itemBody(i)}\n</div>\n`, i.seriesId);
    put(`items/${i.seriesId}.json`, `${JSON.stringify({ id: i.seriesId, kindLabel: DISCLOSURE_KIND_LABELS[i.kind], ...i }, null, 1)}\n`, i.seriesId);
    return {
      id: i.seriesId,
      version: i.version,
      kind: i.kind,
      kindLabel: DISCLOSURE_KIND_LABELS[i.kind],
      title: i.title,
      no: i.list.no,
      party: i.list.party,
      date: i.date,
      corrected: i.corrections.length > 0,
      html: `items/${i.seriesId}.html`,
      json: `items/${i.seriesId}.json`,
      attachments: files,
    };
  });
  put('README.txt', README);
  put('style.css', SITE_CSS);
  put('index.json', `${JSON.stringify({ bureau: content.bureau.name, count: index.length, items: index, withdrawn: [...withdrawn].sort((a, b) => a - b) }, null, 1)}\n`);
  return { files: out, attachments, itemsOf };
}

/** Writes the package as `<folder>/行政执法公示导入包-<release>.zip` (through a temporary file). Same content → same file. */
export function writeCmsPackage(folder: string, built: BuiltSite, m: Manifest, read: AttachmentReader): { output: string; bytes: number; unchanged: boolean } {
  const dir = resolve(folder);
  const output = join(dir, `行政执法公示导入包-${m.release}.zip`);
  if (existsSync(output)) return { output, bytes: statSync(output).size, unchanged: true };
  try {
    mkdirSync(dir, { recursive: true });
    const src = { files: built.files, attachments: built.attachments, read };
    const data = zip([...m.files.keys()].map((name) => ({ name, data: bytesOf(src, name) })));
    const tmp = `${output}.partial`;
    writeFileSync(tmp, data);
    renameSync(tmp, output);
    return { output, bytes: data.length, unchanged: false };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOSPC') throw new UserError('REMOTE_DISK_FULL', `保存导入包的磁盘空间不足（${dir}）。请清理磁盘或换一个文件夹。`);
    if (err.code === 'EACCES' || err.code === 'EPERM') throw new UserError('PERMISSION_DENIED', `没有权限写入文件夹 ${dir}，请换一个文件夹。`);
    throw new UserError('CMS_PACKAGE_FAILED', `无法保存导入包到 ${dir}：${err.message}`);
  }
}
