import type { Role } from '../roles.js';

/**
 * Who may change a case (its facts, parties, handlers, stages and records): the bureau head, an
 * administrator, or one of its handlers (承办人). Anyone signed in may read it. The services enforce
 * this; the case page shows the case read-only to everyone else.
 */
export function mayChangeCase(user: { roles: readonly Role[]; officerId: number | null }, handlerOfficerIds: readonly number[]): boolean {
  if (user.roles.includes('head') || user.roles.includes('admin')) return true;
  return user.officerId != null && handlerOfficerIds.includes(user.officerId);
}

export const NOT_HANDLER_MESSAGE = '您不是本案承办人，只能查看本案，不能修改。如需参与办理，请负责人或管理员变更承办人。';
