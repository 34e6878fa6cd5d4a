import { DEMO_PASSWORD, runDemo } from '../../core/demo/index.js';
import { withApp } from './common.js';
import type { Command } from './types.js';

export const demoCommand: Command = {
  summary: '向空的（或刚初始化的）数据文件夹写入一套完整的演示数据（全部为虚构数据）',
  usage: 'demo --data D   （演示账号的密码取 SANXIANG_PASSWORD，未设置时为 Demo@2026）',
  async run(args) {
    return withApp(
      args,
      async (app) => {
        const counts = await runDemo(app, process.env.SANXIANG_PASSWORD || DEMO_PASSWORD);
        const { password: _p, ...shown } = counts;
        args.out.result(
          shown,
          `演示数据已写入 ${app.dataDir}\n执法人员 ${counts.officers} 名，账号 ${counts.users} 个，记录仪 ${counts.devices} 台，案件 ${counts.cases} 件（其中作废 ${counts.voidedCases} 件、已归档 ${counts.archivedCases} 件），音像记录 ${counts.media.clips} 个${counts.media.note ? `（${counts.media.note}）` : ''}，审计记录 ${counts.auditEntries} 条。\n演示账号：admin（管理员）、zhifa1~3（执法人员）、shenhe（法制审核）、fuzeren（负责人）、gongkai（信息公开）、shenji（审计），密码均为${process.env.SANXIANG_PASSWORD ? '环境变量 SANXIANG_PASSWORD 的值' : ` ${DEMO_PASSWORD}`}。`,
        );
        return 0;
      },
      true,
    );
  },
};
