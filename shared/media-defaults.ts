// What a new data folder starts with for body-cam footage (issue 4): the 音像记录事项清单, the shipped
// recorder models and the media settings. The bureau edits them in 设置—音视频; the screens offer
// "恢复默认" from these, so they live in shared/ (pure data, no Node).
import type { AvMatter, DeviceProfile, MediaSettings } from './media-types.js';

const row = (key: string, label: string, requirement: AvMatter['requirement'], stage: string, extra: Partial<AvMatter> = {}): AvMatter => ({
  key,
  label,
  requirement,
  stage,
  place: '执法现场',
  device: '执法记录仪',
  trigger: requirement === 'full' ? '到达现场、表明身份时开始，执法活动结束、离开现场时停止' : '开始执法活动时开始，关键环节结束后停止',
  content: '',
  retention: '作为证据的随案卷保存；其他不少于 6 个月',
  recorder: '承办执法人员',
  impliedByCaseTypes: [],
  ...extra,
});

/**
 * The shipped 音像记录事项清单, from the seeds: seizure and forced demolition are recorded from start
 * to end (全程音像, 000); on-site inspection, random checks, evidence preservation, hearings and
 * service are recorded (002, 003, 004). The bureau edits the list in settings.
 */
export const DEFAULT_AV_MATTERS: AvMatter[] = [
  row('seizure', '查封扣押', 'full', '执行', { content: '告知、清点、查封扣押财物、制作清单、当事人签字全过程', impliedByCaseTypes: ['coercion'] }),
  row('demolition', '强制拆除', 'full', '执行', { content: '公告、现场清点、拆除作业、财物登记全过程' }),
  row('inspection', '现场检查', 'av', '调查取证', { content: '出示证件、检查现场、询问、现场笔录签字', impliedByCaseTypes: ['inspection'] }),
  row('random-check', '随机抽查', 'av', '调查取证', { content: '出示证件、抽查过程、结果告知' }),
  row('evidence', '证据保全', 'av', '调查取证', { content: '先行登记保存、抽样取证过程' }),
  row('hearing', '听证', 'av', '审查', { place: '听证室', device: '听证室录音录像设备或执法记录仪', content: '听证全过程' }),
  row('service-leaving', '留置送达', 'av', '送达', { content: '见证人在场、说明情况、留置文书' }),
];

const MEDIA_EXTENSIONS = ['mp4', 'mov', 'avi', 'jpg', 'jpeg', 'wav', 'amr', 'm4a', 'aac', 'mp3'];

/**
 * Shipped recorder models. The first follows the common GA/T 947 naming (`DCAM_…`); the other
 * two are the layouts of other vendors (time-first names in a REC folder; one folder per day).
 * The bureau edits these in settings; unknown names still import, timed from the file itself.
 */
export const DEFAULT_PROFILES: DeviceProfile[] = [
  {
    id: 'ga947-dcam',
    name: '通用执法记录仪（DCAM 命名）',
    folders: ['DCIM', 'RECORD', 'VIDEO', 'PHOTO', 'AUDIO'],
    identityFiles: ['ZFY_INFO.txt', 'ZFY_INFO', 'ZFY_INFO.ini', 'DEVICE_INFO.txt'],
    extensions: MEDIA_EXTENSIONS,
    templates: ['DCAM_<device>_<officer>_<YYYYMMDD>_<HHMMSS>[_IMP].<ext>'],
    utcOffset: '+08:00',
  },
  {
    id: 'rec-time-first',
    name: '记录仪（REC 文件夹，时间在前命名）',
    folders: ['REC', 'SNAP', 'VOICE'],
    identityFiles: ['DEVINFO.INI', 'DEVINFO.TXT'],
    extensions: MEDIA_EXTENSIONS,
    templates: ['<YYYYMMDD><HHMMSS>_<device>_<officer>_<seq>[_EVT].<ext>', '<YYYYMMDD><HHMMSS>_<officer>[_EVT].<ext>'],
    utcOffset: '+08:00',
  },
  {
    id: 'day-folders',
    name: '记录仪（按日期分文件夹）',
    folders: ['MOVIE', 'PICTURE', 'SOUND'],
    identityFiles: ['SYSINFO.TXT'],
    extensions: MEDIA_EXTENSIONS,
    templates: ['<YYYY>-<MM>-<DD>/<hh><mm><ss>_<officer>[_LOCK].<ext>', '<YYYYMMDD>/<hh><mm><ss>_<officer>[_LOCK].<ext>'],
    utcOffset: '+08:00',
  },
];

export const DEFAULT_MEDIA_SETTINGS: MediaSettings = {
  retentionMonths: 6,
  unannotatedAlertDays: 3,
  proxyMinBitRate: 12_000_000,
  verifyEveryDays: 30,
};
