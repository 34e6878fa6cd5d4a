// Form rules around the shared password policy (shared/logic/password-policy.ts).
import type { FormRule as Rule } from 'antd';
import { PASSWORD_POLICY_TEXT, passwordProblem } from '../../../shared/logic/password-policy.js';

export { PASSWORD_POLICY_TEXT };

export const passwordRules: Rule[] = [
  {
    validator: (_r, v: string | undefined) => {
      const p = passwordProblem(v ?? '');
      return p ? Promise.reject(new Error(p)) : Promise.resolve();
    },
  },
];

/** Rules for the "repeat password" field, comparing with `field`. */
export const confirmRules = (field: string): Rule[] => [
  { required: true, message: '请再次输入密码' },
  ({ getFieldValue }) => ({
    validator: (_r, v: string | undefined) =>
      !v || getFieldValue(field) === v ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
  }),
];
