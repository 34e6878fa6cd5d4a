import { mayChangeCase, NOT_HANDLER_MESSAGE } from '../../shared/logic/case-access.js';
import type { SessionUser } from '../accounts/sessions.js';
import type { AppContext } from '../app.js';
import { forbidden } from '../errors.js';

/**
 * Refuses a change to a case (its records, stages, footage links, A/V matters…) by someone who is
 * neither the head, an administrator nor one of its handlers (shared/logic/case-access.ts).
 */
export function assertMayChangeCase(app: AppContext, user: SessionUser, caseId: number): void {
  if (!mayChangeCase(user, app.repos.cases.handlers(caseId).map((h) => h.officerId))) throw forbidden(NOT_HANDLER_MESSAGE);
}
