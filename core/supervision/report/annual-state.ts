import type { AppContext } from '../../app.js';
import { ANNUAL_MANUAL_DOCUMENT, ANNUAL_STATE_DOCUMENT } from '../../../shared/supervision-settings.js';
import type { AnnualCounts, AnnualManual } from '../../../shared/supervision-types.js';

const DAY = 86_400_000;

/** The deadline of the report on `year` (in the following year, MM-DD from the settings). */
export const annualDeadline = (year: number, mmdd: string) => `${year + 1}-${mmdd}`;

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export interface AnnualExportMark {
  at: string;
  by: string;
  kind: 'xlsx' | 'published';
}

export const annualMarks = (app: AppContext) => app.settings.getDocument<Record<string, AnnualExportMark>>(ANNUAL_STATE_DOCUMENT) ?? {};

/** Remembers that the report on `year` was exported (the "annual report due" alert then stops). */
export function markAnnualExported(app: AppContext, year: number, mark: AnnualExportMark): void {
  app.settings.setDocument(ANNUAL_STATE_DOCUMENT, { ...annualMarks(app), [year]: mark });
}

const zero = (): AnnualCounts => ({ received: 0, upheld: 0, revoked: 0, changed: 0, confirmedIllegal: 0, other: 0 });
export const EMPTY_MANUAL = (): AnnualManual => ({ reconsideration: zero(), litigation: zero(), note: '', updatedAt: null, updatedBy: null });

export function loadAnnualManual(app: AppContext, year: number): AnnualManual {
  const all = app.settings.getDocument<Record<string, AnnualManual>>(ANNUAL_MANUAL_DOCUMENT) ?? {};
  const m = all[year];
  if (!m) return EMPTY_MANUAL();
  return { ...EMPTY_MANUAL(), ...m, reconsideration: { ...zero(), ...m.reconsideration }, litigation: { ...zero(), ...m.litigation } };
}

export function saveAnnualManual(app: AppContext, year: number, m: AnnualManual): { before: AnnualManual; after: AnnualManual } {
  const all = app.settings.getDocument<Record<string, AnnualManual>>(ANNUAL_MANUAL_DOCUMENT) ?? {};
  const before = loadAnnualManual(app, year);
  app.settings.setDocument(ANNUAL_MANUAL_DOCUMENT, { ...all, [year]: m });
  return { before, after: m };
}
