import type { AppContext } from '../app.js';
import type { DeviceProfile } from '../../shared/media-types.js';
import { invalid } from '../errors.js';
import { compileTemplate, type CompiledTemplate } from './filename-template.js';

export const PROFILES_DOCUMENT = 'deviceProfiles';

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

/** The profiles in force (the bureau's document, else the shipped ones). */
export function getProfiles(app: AppContext): DeviceProfile[] {
  return app.settings.getDocument<DeviceProfile[]>(PROFILES_DOCUMENT) ?? DEFAULT_PROFILES;
}

/** Checks and stores edited profiles; every template must compile. */
export function setProfiles(app: AppContext, profiles: DeviceProfile[]): DeviceProfile[] {
  const ids = new Set<string>();
  for (const p of profiles) {
    if (ids.has(p.id)) throw invalid(`型号配置编号「${p.id}」重复。`);
    ids.add(p.id);
    for (const t of p.templates) {
      try {
        compileTemplate(t);
      } catch (e) {
        throw invalid((e as Error).message);
      }
    }
  }
  const clean = profiles.map((p) => ({ ...p, extensions: [...new Set(p.extensions.map((e) => e.toLowerCase().replace(/^\./, '')))] }));
  app.settings.setDocument(PROFILES_DOCUMENT, clean);
  return clean;
}

export interface CompiledProfile {
  profile: DeviceProfile;
  templates: CompiledTemplate[];
  extensions: Set<string>;
}

export function compileProfile(profile: DeviceProfile): CompiledProfile {
  return {
    profile,
    templates: profile.templates.map(compileTemplate),
    extensions: new Set(profile.extensions.map((e) => e.toLowerCase())),
  };
}

export function findProfile(profiles: DeviceProfile[], id: string | null | undefined): DeviceProfile | null {
  return profiles.find((p) => p.id === id) ?? null;
}
