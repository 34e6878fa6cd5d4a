import type { Command } from './types.js';

/**
 * The commands, each loaded only when it runs: a command imports just the parts of the program it
 * uses, so `sanxiang ingest` does not load the PDF, spreadsheet and SFTP libraries (memory and
 * start-up time). `usage()` loads them all.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./init.js')).initCommand,
  demo: async () => (await import('./demo.js')).demoCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  calendar: async () => (await import('./calendar.js')).calendarCommand,
  audit: async () => (await import('./audit.js')).auditCommand,
  call: async () => (await import('./call.js')).callCommand,
  ingest: async () => (await import('./ingest.js')).ingestCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  redact: async () => (await import('./redact.js')).redactCommand,
  site: async () => (await import('./site.js')).siteCommand,
  publish: async () => (await import('./publish.js')).publishCommand,
  report: async () => (await import('./report.js')).reportCommand,
  backup: async () => (await import('./backup.js')).backupCommand,
  restore: async () => (await import('./backup.js')).restoreCommand,
  archive: async () => (await import('./archive.js')).archiveCommand,
  bench: async () => (await import('./bench.js')).benchCommand,
};

export async function usage(): Promise<string> {
  const lines: string[] = [];
  for (const load of Object.values(COMMANDS)) {
    const c = await load();
    lines.push(`  sanxiang ${c.usage}\n      ${c.summary}`);
  }
  return `执法三项制度工作站 命令行\n\n用法：\n${lines.join('\n')}\n\n通用参数：--data 数据文件夹（或环境变量 SANXIANG_DATA）  --json 最后一行输出 JSON\n退出码：0 成功；1 操作失败；2 用法错误\n`;
}
