import { dispatch } from '../../core/dispatch.js';
import { UserError } from '../../core/errors.js';
import { readPassword } from '../io.js';
import { requireString, withApp } from './common.js';
import type { Command } from './types.js';

export const initCommand: Command = {
  summary: '创建数据文件夹、数据库和管理员账号',
  usage: 'init --data D --bureau 单位名称 --admin 账号 [--unit 简称] [--credit-code 代码] [--website 网站名称] [--admin-name 姓名]',
  options: {
    bureau: { type: 'string' },
    admin: { type: 'string' },
    'admin-name': { type: 'string' },
    unit: { type: 'string' },
    'credit-code': { type: 'string' },
    website: { type: 'string' },
  },
  async run(args) {
    const bureau = requireString(args, 'bureau');
    const admin = requireString(args, 'admin');
    const password = await readPassword();
    return withApp(
      args,
      async (app) => {
        const r = await dispatch(app, 'setup.initialize', {
          bureau: {
            name: bureau,
            // The unit abbreviation appears in every case number; the admin can change it in settings.
            unitAbbr: (args.values.unit as string) || bureau.slice(0, 2),
            creditCode: (args.values['credit-code'] as string) || '',
            websiteName: (args.values.website as string) || `${bureau}行政执法公示`,
          },
          admin: { username: admin, displayName: (args.values['admin-name'] as string) || admin, password },
        });
        if (!r.ok) throw new UserError(r.error.code, r.error.message);
        args.out.result({ data: app.dataDir }, `已初始化：${app.dataDir}\n管理员账号：${admin}`);
        return 0;
      },
      true,
    );
  },
};
