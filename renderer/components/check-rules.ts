// antd Form rules built on shared/logic/check-digits: errors block the form, warnings
// (e.g. an old 15-digit ID number) show in orange and let it through. While the clerk is still
// typing, an incomplete number is not called wrong; it is on leaving the field or submitting.
import type { FormRule as Rule } from 'antd';
import type { CodeCheck } from '../../shared/logic/check-digits.js';

type Checker = (raw: string) => CodeCheck;

const reject = (m?: string) => Promise.reject(new Error(m ?? '格式不正确'));

/**
 * Rules for an optional identifier field. `complete(normalized)` says when the value is long
 * enough to judge while typing. Use with `validateFirst` and `validateTrigger={['onChange','onBlur']}`.
 */
export function checkRules(check: Checker, complete: (normalized: string) => boolean, required = false): Rule[] {
  return [
    {
      validateTrigger: 'onChange',
      validator: (_r, v: string | undefined) => {
        if (!v?.trim()) return required ? reject('请填写此项') : Promise.resolve();
        const c = check(v);
        if (c.level === 'error' && complete(c.normalized)) return reject(c.message);
        return Promise.resolve();
      },
    },
    {
      validateTrigger: 'onBlur',
      validator: (_r, v: string | undefined) => {
        if (!v?.trim()) return required ? reject('请填写此项') : Promise.resolve();
        const c = check(v);
        return c.level === 'error' ? reject(c.message) : Promise.resolve();
      },
    },
    {
      warningOnly: true,
      validateTrigger: 'onBlur',
      validator: (_r, v: string | undefined) => {
        if (!v?.trim()) return Promise.resolve();
        const c = check(v);
        return c.level === 'warning' ? reject(c.message) : Promise.resolve();
      },
    },
  ];
}

/** ID numbers: judged while typing once 18 characters (or a non-digit) are in. */
export const idComplete = (s: string) => s.length >= 18 || /[^\dX]/.test(s) || /X./.test(s);
/** Credit codes: judged while typing once 18 characters or a forbidden letter are in. */
export const creditComplete = (s: string) => s.length >= 18 || /[^0-9A-HJ-NPQRTUWXY]/.test(s);
/** Phone numbers only ever warn; judge on leaving the field. */
export const phoneComplete = () => false;

export const CHECKED_ITEM_PROPS: { validateFirst: true; validateTrigger: string[] } = { validateFirst: true, validateTrigger: ['onChange', 'onBlur'] };
