import { makeCreditCode, makeIdNumber } from '../../shared/logic/check-digits.js';
import type { PartyFields } from '../cases/cases-repo.js';
import type { Rng } from './random.js';
import { DISTRICTS, GIVEN, ORG_CORE, ORG_KIND, ORG_PREFIX, SURNAMES, VILLAGES } from './vocabulary.js';

/** Synthetic people and organisations with valid check digits. */
export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

export function place(rng: Rng): string {
  const d = rng.pick(DISTRICTS);
  return `${d.name}${rng.pick(d.towns)}${rng.pick(VILLAGES)}`;
}

export function mobile(rng: Rng): string {
  return `1${rng.pick(['38', '39', '58', '59', '80', '87', '88', '35', '36'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function person(rng: Rng): PartyFields {
  const d = rng.pick(DISTRICTS);
  const birth = `${rng.int(1955, 2000)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  return {
    kind: 'person',
    name: personName(rng),
    idNumber: makeIdNumber(d.area, birth, String(rng.int(100, 999))),
    creditCode: '',
    legalRep: '',
    phone: mobile(rng),
    address: `四川省遂宁市${d.name}${rng.pick(d.towns)}${rng.pick(VILLAGES)}${rng.int(1, 12)}组${rng.int(1, 80)}号`,
    isMinor: false,
  };
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function organisation(rng: Rng): PartyFields {
  const d = rng.pick(DISTRICTS);
  let body = '';
  for (let i = 0; i < 9; i++) body += CREDIT_CHARS[rng.int(0, CREDIT_CHARS.length - 1)];
  return {
    kind: 'organisation',
    name: `${rng.pick(ORG_PREFIX)}${rng.pick(ORG_CORE)}${rng.pick(ORG_KIND)}`,
    idNumber: '',
    creditCode: makeCreditCode(`91${d.area}${body}`),
    legalRep: personName(rng),
    phone: rng.chance(0.5) ? mobile(rng) : `0825-${rng.int(2000000, 8999999)}`,
    address: `四川省遂宁市${d.name}${rng.pick(d.towns)}工业园区${rng.int(1, 30)}号`,
    isMinor: false,
  };
}
