import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from '../../core/app.js';
import { acquireInstanceLock, ensureDataDir, resolveDataDir } from '../../core/data-folder.js';
import { UserError } from '../../core/errors.js';
import { startHarness } from '../../core/harness/server.js';
import { deviceDetectorFor, stopDeviceDetector } from '../../core/ingest/ingest-jobs.js';
import { startVaultVerifyScheduler } from '../../core/ingest/verify-scheduler.js';
import { deriveQueueFor } from '../../core/media/proxy-queue.js';
import { startBackupScheduler } from '../../core/supervision/backup/scheduler.js';
import { rendererDist } from '../../core/harness/static-files.js';
import type { Command } from './types.js';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const serveCommand: Command = {
  summary: '在本机回环地址（127.0.0.1）上提供界面（浏览器访问）',
  usage: 'serve --data D [--port P]',
  options: { port: { type: 'string' } },
  async run(args) {
    const staticDir = rendererDist(projectRoot);
    if (!existsSync(join(staticDir, 'index.html'))) {
      throw new UserError('UI_NOT_BUILT', '界面尚未构建。请先运行 npm run build:renderer（npm start 会自动构建）。');
    }
    const dataDir = resolveDataDir(args.values.data as string | undefined);
    // Lock first, so a folder another instance is using is never migrated underneath it.
    ensureDataDir(dataDir, true);
    const release = acquireInstanceLock(dataDir);
    let app;
    try {
      app = openApp({ dataDir, create: true });
    } catch (e) {
      release();
      throw e;
    }
    // Background work of a running app: thumbnails and playback proxies, recorder detection.
    deriveQueueFor(app).start();
    await deviceDetectorFor(app);
    const stopBackups = startBackupScheduler(app);
    const stopVerify = startVaultVerifyScheduler(app, { onResult: (r) => process.stderr.write(`${r.message}\n`) });
    const port = args.values.port ? Number(args.values.port) : undefined;
    const h = await startHarness(app, { port, staticDir });
    args.out.result(
      { url: h.openUrl, data: dataDir },
      `执法三项制度工作站已在本机启动（浏览器模式）。\n请用浏览器打开：${h.openUrl}\n数据文件夹：${dataDir}\n按 Ctrl+C 退出。`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await h.close();
    stopBackups();
    stopVerify();
    stopDeviceDetector(app);
    await deriveQueueFor(app).stop();
    app.close();
    release();
    return 0;
  },
};
