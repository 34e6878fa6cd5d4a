/** Roles a user can hold; one person may hold several (DOMAIN.md "Who uses it"). */
export const ROLES = ['officer', 'reviewer', 'head', 'publisher', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  reviewer: '法制审核人员',
  head: '负责人',
  publisher: '信息公开员',
  admin: '管理员',
  auditor: '审计员',
};

export const roleNames = (roles: readonly Role[]): string => roles.map((r) => ROLE_LABELS[r]).join('、');
