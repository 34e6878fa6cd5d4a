// Review time limits in Chinese working days. Pure module: no Node or DOM APIs.
//
// A review "within N working days" of submission ends on addWorkdays(submittedOn, N):
// the submission day itself is not counted (the calendar's convention). The review is
// overdue from the day after the due date. A warning is raised when the working days
// left (today excluded, due date included) are at most `warnWorkdays` (default 1).

import type { WorkdayCalendar } from './calendar.js';

export type DueState = 'ok' | 'dueSoon' | 'overdue';

export interface DueInfo {
  dueOn: string;
  /** Working days in (today, dueOn]; 0 on the due date itself (or a day off just before it); negative once overdue. */
  workdaysLeft: number;
  state: DueState;
  /** Chinese sentence for the UI, e.g. “剩余 1 个工作日（10月13日到期）”. */
  label: string;
}

export function reviewDueOn(cal: WorkdayCalendar, submittedOn: string, workdays: number): string {
  return cal.addWorkdays(submittedOn, workdays);
}

/** The due date after an extension of `workdays` (counted from the current due date). */
export function extendedDueOn(cal: WorkdayCalendar, dueOn: string, workdays: number): string {
  return cal.addWorkdays(dueOn, workdays);
}

const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function dueInfo(cal: WorkdayCalendar, today: string, dueOn: string, warnWorkdays = 1): DueInfo {
  if (today > dueOn) {
    const late = cal.workdaysBetween(dueOn, today);
    return {
      dueOn,
      workdaysLeft: -late,
      state: 'overdue',
      label: late > 0 ? `已超期 ${late} 个工作日（${md(dueOn)}到期）` : `已超期（${md(dueOn)}到期）`,
    };
  }
  const left = cal.workdaysBetween(today, dueOn);
  const state: DueState = left <= warnWorkdays ? 'dueSoon' : 'ok';
  const label = left === 0 ? `今天到期（${md(dueOn)}）` : `剩余 ${left} 个工作日（${md(dueOn)}到期）`;
  return { dueOn, workdaysLeft: left, state, label };
}
