import { archiveCommand } from './archive.js';
import { auditCommand } from './audit.js';
import { backupCommand, restoreCommand } from './backup.js';
import { benchCommand } from './bench.js';
import { calendarCommand } from './calendar.js';
import { callCommand } from './call.js';
import { demoCommand } from './demo.js';
import { ingestCommand } from './ingest.js';
import { initCommand } from './init.js';
import { publishCommand } from './publish.js';
import { redactCommand } from './redact.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';
import { siteCommand } from './site.js';
import type { Command } from './types.js';
import { verifyCommand } from './verify.js';

export const COMMANDS: Record<string, Command> = {
  init: initCommand,
  demo: demoCommand,
  serve: serveCommand,
  calendar: calendarCommand,
  audit: auditCommand,
  call: callCommand,
  ingest: ingestCommand,
  verify: verifyCommand,
  redact: redactCommand,
  site: siteCommand,
  publish: publishCommand,
  report: reportCommand,
  backup: backupCommand,
  restore: restoreCommand,
  archive: archiveCommand,
  bench: benchCommand,
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  sanxiang ${c.usage}\n      ${c.summary}`);
  return `执法三项制度工作站 命令行\n\n用法：\n${lines.join('\n')}\n\n通用参数：--data 数据文件夹（或环境变量 SANXIANG_DATA）  --json 最后一行输出 JSON\n退出码：0 成功；1 操作失败；2 用法错误\n`;
}
