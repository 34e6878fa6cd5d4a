/**
 * Findings added by hand: the reviewer selects a span the detectors missed
 * and picks a kind; this builds the finding with the standard mask.
 */
import { splitAddress } from './address.js';
import {
  countDigits,
  maskAddress,
  maskBankCard,
  maskEmail,
  maskIdNumber,
  maskLandline,
  maskMobile,
  maskPersonName,
  maskPlate,
} from './masks.js';
import { shadowOf } from './normalise.js';
import type { Finding, FindingKind } from './types.js';

/** The default mask of `value` read as `kind` (names use the 张某 form). */
export function defaultMask(kind: FindingKind, value: string): string {
  const shadow = shadowOf(value);
  switch (kind) {
    case 'id-number':
      return maskIdNumber(value);
    case 'mobile': {
      const n = countDigits(shadow);
      return maskMobile(value, shadow, Math.max(0, n - 11));
    }
    case 'landline': {
      const area = /^\(?(0(?:10|2\d|[3-9]\d{2}))/.exec(shadow);
      return maskLandline(value, shadow, area ? area[1].length : 0);
    }
    case 'bank-card':
      return maskBankCard(value, shadow);
    case 'email':
      return maskEmail(value);
    case 'address':
      return maskAddress(splitAddress(value).prefix);
    case 'plate':
      return maskPlate(value);
    case 'person-name':
      return maskPersonName(value, 'other');
  }
}

/** A finding for `text.slice(start, end)` with the default mask of `kind`. */
export function makeFinding(text: string, start: number, end: number, kind: FindingKind, replacement?: string): Finding {
  if (start < 0 || end > text.length || end <= start) throw new RangeError(`所选范围无效（${start}–${end}）。`);
  const value = text.slice(start, end);
  return { kind, start, end, text: value, replacement: replacement ?? defaultMask(kind, value) };
}
