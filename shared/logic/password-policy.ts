/** The password rule, enforced by the services and mirrored by the UI for instant feedback. */
export const PASSWORD_POLICY_TEXT = '至少 8 位，包含字母、数字、符号中的至少两类';

/** A Chinese explanation of what is wrong with a password, or null when it meets the policy. */
export function passwordProblem(pw: string): string | null {
  if (!pw) return '请输入密码';
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(pw)).length;
  if (pw.length < 8) return `密码至少 8 位，当前 ${pw.length} 位`;
  if (classes < 2) return '密码须包含字母、数字、符号中的至少两类';
  return null;
}
