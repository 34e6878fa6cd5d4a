import { existsSync } from 'node:fs';
import { openApp, shippedHolidayData } from '../../core/app.js';
import { dataPaths, resolveDataDir } from '../../core/data-folder.js';
import { createWorkdayCalendar, isValidDate } from '../../shared/logic/calendar.js';
import { UsageError } from '../io.js';
import type { Command, CommandArgs } from './types.js';

/** The calendar of the data folder when there is one, else the shipped schedule. */
function calendarFor(args: CommandArgs) {
  const dir = resolveDataDir(args.values.data as string | undefined);
  if (existsSync(dataPaths(dir).db)) {
    const app = openApp({ dataDir: dir });
    try {
      return app.calendar();
    } finally {
      app.close();
    }
  }
  return createWorkdayCalendar(shippedHolidayData());
}

function date(s: string | undefined): string {
  if (!s || !isValidDate(s)) throw new UsageError(`日期应为 YYYY-MM-DD：${s ?? '（缺少）'}`);
  return s;
}

export const calendarCommand: Command = {
  summary: '按中国工作日（含节假日与调休）计算日期',
  usage: 'calendar add-workdays DATE N | calendar is-workday DATE [--data D]',
  async run(args) {
    const [sub, a, b] = args.positionals;
    if (sub === 'add-workdays') {
      const d = date(a);
      if (b === undefined || !/^-?\d+$/.test(b)) throw new UsageError('N 应为整数');
      const r = calendarFor(args).addWorkdays(d, Number(b));
      args.out.result({ date: r }, r);
      return 0;
    }
    if (sub === 'is-workday') {
      const w = calendarFor(args).isWorkday(date(a));
      args.out.result({ workday: w }, w ? '工作日' : '休息日');
      return 0;
    }
    throw new UsageError('用法：sanxiang calendar add-workdays DATE N | is-workday DATE');
  },
};
