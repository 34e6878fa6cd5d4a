import { isResultKind } from '../../shared/disclosure-domain.js';
import type { AppContext } from '../app.js';
import type { OpContext } from '../operations/context.js';
import { currentUser } from '../operations/context.js';
import type { Item } from './repo.js';
import { disclosureRepo } from './repo.js';
import { loadDisclosureSettings } from './settings.js';

/** Who acts, when, and how the action is audited — from an operation, or from other services (a decision). */
export interface Svc {
  app: AppContext;
  actor: { id: number; username: string };
  at: string;
  today: string;
  audit(objectType: string, objectId: string | number, summary: unknown): void;
}

export function svcOf(ctx: OpContext): Svc {
  const u = currentUser(ctx);
  return { app: ctx.app, actor: { id: u.id, username: u.username }, at: ctx.nowIso(), today: ctx.today(), audit: ctx.audit };
}

/** Appends one row to the item's approval history. */
export function logEvent(svc: Svc, itemId: number, action: string, note = '', hash: string | null = null): void {
  disclosureRepo(svc.app).event({ itemId, action, userId: svc.actor.id, username: svc.actor.username, at: svc.at, note, hash });
}

const addYears = (date: string, years: number): string => {
  const [y, m, d] = date.split('-').map(Number);
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/**
 * Deadlines of a result: publish within N working days of the decision (the decision's own
 * due date when the review backend recorded one; a correction: N working days from today),
 * optional take-down after N years (natural persons: their own setting).
 */
export function dueDates(
  app: AppContext,
  item: Pick<Item, 'kind' | 'version' | 'result' | 'redaction'>,
  today: string,
  decisionDue: string | null,
): { publishDueOn: string | null; takedownDueOn: string | null } {
  if (!isResultKind(item.kind) || !item.result) return { publishDueOn: null, takedownDueOn: null };
  const s = loadDisclosureSettings(app);
  const decided = item.result.decidedOn;
  const cal = app.calendar();
  let publishDueOn: string | null = null;
  if (item.version > 1) publishDueOn = cal.addWorkdays(today, s.publishWorkdays);
  else if (decisionDue) publishDueOn = decisionDue;
  else if (decided) publishDueOn = cal.addWorkdays(decided, s.publishWorkdays);
  const years = item.redaction.partyIsPerson ? (s.takedownYearsPersons ?? s.takedownYears) : s.takedownYears;
  return { publishDueOn, takedownDueOn: years && decided ? addYears(decided, years) : null };
}
