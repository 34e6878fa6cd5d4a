// Date helpers for antd pickers (dayjs) and the API (YYYY-MM-DD strings).
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { todayLocal } from '../../shared/logic/calendar.js';

dayjs.locale('zh-cn');

export const toDay = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s, 'YYYY-MM-DD') : null);
export const fromDay = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);
export const today = (): string => todayLocal();
export const isFuture = (d: Dayjs): boolean => d.format('YYYY-MM-DD') > todayLocal();

export { dayjs };
export type { Dayjs };
