import { authenticate } from '../../core/accounts/login.js';
import { dispatch } from '../../core/dispatch.js';
import { UserError } from '../../core/errors.js';
import { isOpName, OP_NAMES } from '../../shared/contract/index.js';
import { readPassword, UsageError } from '../io.js';
import { requireString, withApp } from './common.js';
import type { Command } from './types.js';

export const callCommand: Command = {
  summary: '以指定用户身份调用任一接口操作（与界面调用的是同一操作）',
  usage: 'call OPERATION [JSON] --data D --user U   （密码来自 SANXIANG_PASSWORD 或标准输入）',
  options: { user: { type: 'string' } },
  async run(args) {
    const [op, json = '{}'] = args.positionals;
    if (!op) throw new UsageError(`请指定操作名。可用操作：\n  ${OP_NAMES.join('\n  ')}`);
    if (!isOpName(op)) throw new UsageError(`未知的操作：${op}`);
    let input: unknown;
    try {
      input = JSON.parse(json);
    } catch (e) {
      throw new UsageError(`JSON 参数无法解析：${(e as Error).message}`);
    }
    const username = requireString(args, 'user');
    const password = await readPassword();
    return withApp(args, async (app) => {
      const { user } = authenticate(app, username, password);
      const r = await dispatch(app, op, input, { user });
      if (!r.ok) throw new UserError(r.error.code, r.error.message, r.error.details);
      args.out.result(r.value);
      return 0;
    });
  },
};
