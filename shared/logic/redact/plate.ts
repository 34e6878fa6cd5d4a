/**
 * Vehicle plates of natural persons: 川E·A1234, 川E A1234, 川EA1234,
 * new-energy 川AD12345, optional 挂/学/警 suffix. Plates are personal only
 * when the party is a natural person (`partyIsPerson: true`) or the plate
 * sits in an owner/driver context (车主, 驾驶, 车辆所有人 …) in the same
 * sentence; a company's lorry in an organisation's case stays.
 */
import { textBefore } from './context.js';
import { maskPlate } from './masks.js';
import type { Finding } from './types.js';

const PLATE =
  /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•・ ]?[A-HJ-NP-Z0-9]{5,6}[挂学警领]?(?![A-Za-z0-9])/g;

const OWNER_CONTEXT = /车主|驾驶|车辆所有人|机动车所有人|私家车|个人车辆|本人车辆|其车辆|自有车辆/;

export function findPlates(text: string, shadow: string, partyIsPerson: boolean | undefined, out: Finding[]): void {
  PLATE.lastIndex = 0;
  for (let m = PLATE.exec(shadow); m; m = PLATE.exec(shadow)) {
    const s = m[0];
    if (!/\d/.test(s.slice(2))) continue;
    if (partyIsPerson !== true && !OWNER_CONTEXT.test(textBefore(shadow, m.index, 40))) continue;
    const orig = text.slice(m.index, m.index + s.length);
    out.push({ kind: 'plate', start: m.index, end: m.index + s.length, text: orig, replacement: maskPlate(orig) });
  }
}
