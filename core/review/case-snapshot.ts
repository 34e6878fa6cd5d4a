import { createHash } from 'node:crypto';
import type { CaseSnapshot } from '../../shared/logic/review-diff.js';
import type { AppContext } from '../app.js';
import { notFound } from '../errors.js';
import { reviewRepos } from './repos.js';

/**
 * What a submission is based on: the case's text, parties, handlers and current (not superseded)
 * records. Records written by review itself (opinion PDFs, discussion minutes) are left out, so
 * recording an outcome does not make the case look edited.
 */
export function caseSnapshot(app: AppContext, caseId: number): CaseSnapshot {
  const { cases } = app.repos;
  const c = cases.get(caseId);
  if (!c) throw notFound('该案件');
  return {
    title: c.title,
    place: c.place,
    facts: c.facts,
    parties: cases.parties(caseId).map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      idNumber: p.idNumber,
      creditCode: p.creditCode,
      legalRep: p.legalRep,
      address: p.address,
    })),
    handlers: cases.handlers(caseId).map((h) => ({ officerId: h.officerId, name: h.name })),
    records: reviewRepos(app).review.snapshotRecords(caseId),
  };
}

export const snapshotHash = (s: CaseSnapshot): string => createHash('sha256').update(JSON.stringify(s)).digest('hex');

/** Hash of the case as it is now. */
export const currentCaseHash = (app: AppContext, caseId: number): string => snapshotHash(caseSnapshot(app, caseId));
