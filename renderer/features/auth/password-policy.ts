// The password rule the services enforce (core/accounts/passwords.ts), mirrored for instant feedback.
import type { FormRule as Rule } from 'antd';

export const PASSWORD_POLICY_TEXT = '至少 8 位，包含字母、数字、符号中的至少两类';

export function passwordProblem(pw: string): string | null {
  if (!pw) return '请输入密码';
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(pw)).length;
  if (pw.length < 8) return `密码至少 8 位，当前 ${pw.length} 位`;
  if (classes < 2) return '密码须包含字母、数字、符号中的至少两类';
  return null;
}

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
