// A made-up file name that fits a recorder filename template, to start the 试一试 box with.
import { compileTemplate } from '../../../shared/logic/filename-template.js';

const SAMPLE: Record<string, string> = {
  device: 'DSJ2026A001',
  officer: '051234',
  YYYYMMDD: '20260305',
  HHMMSS: '143000',
  YYYY: '2026',
  MM: '03',
  DD: '05',
  hh: '14',
  mm: '30',
  ss: '00',
  seq: '0001',
  ext: 'mp4',
  '*': '',
};

/** `DCAM_<device>_<officer>_<YYYYMMDD>_<HHMMSS>[_IMP].<ext>` → `DCAM_DSJ2026A001_051234_20260305_143000_IMP.mp4`; '' when malformed. */
export function sampleName(template: string): string {
  try {
    compileTemplate(template);
  } catch {
    return '';
  }
  return template.replace(/<([^>]+)>/g, (_m, name: string) => SAMPLE[name] ?? '').replace(/\[([^\]]*)\]/g, '$1').replace(/\\/g, '/');
}

/** Placeholders a template may use, for the help text. */
export const PLACEHOLDER_HELP: [string, string][] = [
  ['<device>', '设备编号'],
  ['<officer>', '警号'],
  ['<YYYYMMDD>', '日期，如 20260305'],
  ['<HHMMSS>', '时间，如 143000'],
  ['<YYYY> <MM> <DD> <hh> <mm> <ss>', '分开写的年月日时分秒'],
  ['<seq>', '序号'],
  ['<ext>', '扩展名'],
  ['<*>', '任意字符'],
  ['[_IMP]', '方括号中的文字出现时标为重要'],
  ['/', '分隔文件夹，如 <YYYYMMDD>/<hh><mm><ss>.<ext>'],
];
