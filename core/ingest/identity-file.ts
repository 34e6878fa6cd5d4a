import type { DeviceIdentity } from '../../shared/media-types.js';

/**
 * Identity files written by recorders (`ZFY_INFO.txt` and the like): `key=value` or `key:value`
 * lines, optionally in `[sections]`, in UTF-8 or GBK. Keys follow GA/T 947 (product serial,
 * officer number and name, unit number and name) in English or Chinese spellings.
 */
const KEYS: Record<keyof DeviceIdentity, RegExp> = {
  serial: /^(serial|serial_?no|device_?(id|no|sn|serial)|sn|product_?(sn|serial|no)|cpxh|产品序号|设备编号|设备序列号|序列号|设备号)$/i,
  model: /^(model|device_?model|product_?model|型号|设备型号|产品型号)$/i,
  officerNo: /^(officer_?(no|id|num)|police_?(no|id)|user_?(no|id)|jh|警号|警员编号|执法人员编号|工号|执法证号)$/i,
  officerName: /^(officer_?name|police_?name|user_?name|name|警员姓名|姓名|执法人员|使用人)$/i,
  unitNo: /^(unit_?(no|id|code)|dept_?(no|id|code)|单位编号|单位代码)$/i,
  unitName: /^(unit_?name|unit|dept_?name|dept|单位名称|单位)$/i,
};

/** Decodes bytes as UTF-8 (with or without BOM), falling back to GBK. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gbk').decode(bytes);
    } catch {
      return new TextDecoder('latin1').decode(bytes);
    }
  }
}

/** Parses an identity file; null when it names no serial and no officer. */
export function parseIdentity(bytes: Uint8Array): DeviceIdentity | null {
  const id: DeviceIdentity = { serial: '', model: '', officerNo: '', officerName: '', unitNo: '', unitName: '' };
  for (const raw of decodeText(bytes).split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';') || line.startsWith('[')) continue;
    const m = /^([^=:：]+)[=:：](.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].trim().replace(/\s+/g, '_');
    const value = m[2].trim().replace(/^"(.*)"$/, '$1').slice(0, 100);
    for (const [field, re] of Object.entries(KEYS) as [keyof DeviceIdentity, RegExp][]) {
      if (re.test(key) && !id[field]) {
        id[field] = value;
        break;
      }
    }
  }
  return id.serial || id.officerNo ? id : null;
}
