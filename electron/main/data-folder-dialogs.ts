// The dialogs asked while opening the data folder (see open-data.ts for when and why).
import { existsSync } from 'node:fs';
import { dialog } from 'electron';
import type { DataFolderUi } from './open-data.js';

const TITLE = '执法三项制度工作站';

export const dataFolderDialogs: DataFolderUi = {
  async firstRun(defaultDir) {
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: TITLE,
      message: '欢迎使用执法三项制度工作站。请选择数据文件夹。',
      detail:
        '数据文件夹保存案件、证据文件和全部设置。请放在空间充足、定期备份的磁盘上；' +
        '如果单位已有数据（例如在移动硬盘或共享文件夹中），请选择那个文件夹。\n\n' +
        `默认位置：${defaultDir}`,
      buttons: ['使用默认位置', '选择其他文件夹…', '退出'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    return response === 0 ? 'default' : response === 1 ? 'choose' : 'quit';
  },

  async pickFolder(near) {
    const picked = await dialog.showOpenDialog({
      title: '选择数据文件夹',
      defaultPath: existsSync(near) ? near : undefined,
      buttonLabel: '使用此文件夹',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate', 'dontAddToRecent'],
    });
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  },

  async confirmNewData(dir) {
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: TITLE,
      message: '这个文件夹中还没有执法三项数据。要在这里新建数据吗？',
      detail: `${dir}\n\n如果单位的数据在其他文件夹（例如移动硬盘或共享文件夹），请点“重新选择”并选择那个文件夹。`,
      buttons: ['在此新建', '重新选择', '取消'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    return response === 0 ? 'create' : response === 1 ? 'again' : 'cancel';
  },

  async failure(dir, message) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: `${TITLE} — 无法打开数据文件夹`,
      message,
      detail: `数据文件夹：${dir}\n\n可以选择其他数据文件夹，或解决上述问题后点“重试”。`,
      buttons: ['选择其他数据文件夹…', '重试', '退出'],
      defaultId: 1,
      cancelId: 2,
      noLink: true,
    });
    return response === 0 ? 'choose' : response === 1 ? 'retry' : 'quit';
  },
};
