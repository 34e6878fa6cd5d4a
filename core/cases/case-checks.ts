import { checkCreditCode, checkIdNumber, checkPhone } from '../../shared/logic/check-digits.js';
import type { FieldWarning } from '../../shared/types.js';
import type { PartyFields } from './cases-repo.js';
import type { OfficerRow } from '../officers/officers-repo.js';
import type { Procedure } from '../../shared/domain.js';

export interface CheckOutcome {
  errors: FieldWarning[];
  warnings: FieldWarning[];
  /** Parties with identifiers normalised (upper-case X, half-width digits). */
  parties: PartyFields[];
}

/** Checks parties' identifiers: bad check digits are errors, odd-but-possible data (15-digit IDs) warnings. */
export function checkParties(parties: PartyFields[]): CheckOutcome {
  const errors: FieldWarning[] = [];
  const warnings: FieldWarning[] = [];
  const out = parties.map((p, i) => {
    const at = (f: string) => `parties.${i}.${f}`;
    const who = `当事人“${p.name}”`;
    const push = (level: string, field: string, message?: string) => {
      if (level === 'error') errors.push({ field: at(field), message: `${who}：${message}` });
      else if (level === 'warning') warnings.push({ field: at(field), message: `${who}：${message}` });
    };
    const q = { ...p };
    if (p.kind === 'person') {
      if (p.idNumber) {
        const c = checkIdNumber(p.idNumber);
        push(c.level, 'idNumber', c.message);
        q.idNumber = c.normalized;
      } else warnings.push({ field: at('idNumber'), message: `${who}：未填写身份证号码` });
      q.creditCode = '';
    } else {
      if (p.creditCode) {
        const c = checkCreditCode(p.creditCode);
        push(c.level, 'creditCode', c.message);
        q.creditCode = c.normalized;
      } else warnings.push({ field: at('creditCode'), message: `${who}：未填写统一社会信用代码` });
      q.isMinor = false;
    }
    if (p.phone) push(checkPhone(p.phone).level, 'phone', checkPhone(p.phone).message);
    return q;
  });
  return { errors, warnings, parties: out };
}

/** Handlers must be active officers with valid certificates; ordinary procedure needs two. */
export function checkHandlers(
  ids: number[],
  procedure: Procedure | undefined,
  lookup: (id: number) => OfficerRow | null,
  today: string,
): FieldWarning[] {
  const errors: FieldWarning[] = [];
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length) errors.push({ field: 'handlerIds', message: '承办人重复，请检查。' });
  if (procedure === 'ordinary' && unique.length < 2) {
    errors.push({ field: 'handlerIds', message: '普通程序案件应由两名以上执法人员承办，请再指定一名承办人。' });
  }
  for (const id of unique) {
    const o = lookup(id);
    if (!o) errors.push({ field: 'handlerIds', message: `执法人员（编号 ${id}）不存在。` });
    else if (o.status !== 'active') errors.push({ field: 'handlerIds', message: `${o.name}当前不在岗（${o.status === 'left' ? '已调离' : '暂停执法'}），不能作为承办人。` });
    else if (o.certValidUntil < today) {
      errors.push({ field: 'handlerIds', message: `${o.name}的执法证（${o.certNo}）已于 ${o.certValidUntil} 过期，不能作为承办人。请先更新执法证信息。` });
    }
  }
  return errors;
}
