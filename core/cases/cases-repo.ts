import type { Db } from '../db/connection.js';
import type { CaseStatus, CaseType, PartyKind, Procedure, Stage } from '../../shared/domain.js';
import type { CaseHandler, CaseRecord, CaseSummary, Party, StageEntry } from '../../shared/types.js';
import { bigrams } from './search-text.js';

export interface CaseRow {
  id: number;
  caseNo: string;
  caseType: CaseType;
  year: number;
  seq: number;
  procedure: Procedure;
  title: string;
  stage: Stage;
  status: CaseStatus;
  voidReason: string | null;
  place: string;
  facts: string;
  openedOn: string;
  dueOn: string | null;
  closedOn: string | null;
  partySummary: string;
  handlerSummary: string;
  createdAt: string;
  updatedAt: string;
}

export const SUMMARY_COLUMNS = `c.id, c.case_no AS caseNo, c.case_type AS caseType, c.procedure, c.title, c.stage, c.status,
  c.place, c.opened_on AS openedOn, c.due_on AS dueOn, c.party_summary AS partySummary, c.handler_summary AS handlerSummary`;

const ROW_COLUMNS = `${SUMMARY_COLUMNS}, c.year, c.seq, c.void_reason AS voidReason, c.facts, c.closed_on AS closedOn,
  c.created_at AS createdAt, c.updated_at AS updatedAt`;

export type PartyFields = Omit<Party, 'id'>;

/** Named, prepared statements for the case register. No SQL outside the repositories. */
export function createCasesRepo(db: Db) {
  const s = {
    nextSeq: db.prepare(
      `INSERT INTO case_sequences (case_type, year, last_seq) VALUES (?, ?, 1)
       ON CONFLICT(case_type, year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq AS seq`,
    ),
    bumpSeq: db.prepare(
      `INSERT INTO case_sequences (case_type, year, last_seq) VALUES (?, ?, ?)
       ON CONFLICT(case_type, year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
    ),
    byId: db.prepare(`SELECT ${ROW_COLUMNS} FROM cases c WHERE c.id = ?`),
    byNo: db.prepare(`SELECT id FROM cases WHERE case_no = ?`),
    bySeq: db.prepare(`SELECT case_no AS caseNo FROM cases WHERE case_type = ? AND year = ? AND seq = ?`),
    insert: db.prepare(
      `INSERT INTO cases (case_no, case_type, year, seq, procedure, title, stage, place, facts, opened_on, due_on, created_by, created_at, updated_at)
       VALUES (@caseNo, @caseType, @year, @seq, @procedure, @title, 'filing', @place, @facts, @openedOn, @dueOn, @createdBy, @at, @at)`,
    ),
    updateText: db.prepare(`UPDATE cases SET title = @title, place = @place, facts = @facts, updated_at = @at WHERE id = @id`),
    setStage: db.prepare(`UPDATE cases SET stage = @stage, closed_on = @closedOn, updated_at = @at WHERE id = @id`),
    setVoid: db.prepare(`UPDATE cases SET status = 'voided', void_reason = @reason, updated_at = @at WHERE id = @id`),
    setSummaries: db.prepare(`UPDATE cases SET party_summary = @parties, handler_summary = @handlers WHERE id = @id`),
    insertParty: db.prepare(
      `INSERT INTO parties (case_id, kind, name, id_number, credit_code, legal_rep, phone, address, is_minor, created_at)
       VALUES (@caseId, @kind, @name, @idNumber, @creditCode, @legalRep, @phone, @address, @isMinor, @at)`,
    ),
    parties: db.prepare(
      `SELECT id, kind, name, id_number AS idNumber, credit_code AS creditCode, legal_rep AS legalRep, phone, address, is_minor AS isMinor
       FROM parties WHERE case_id = ? ORDER BY id`,
    ),
    clearHandlers: db.prepare(`DELETE FROM case_handlers WHERE case_id = ?`),
    insertHandler: db.prepare(
      `INSERT INTO case_handlers (case_id, officer_id, is_lead, opened_on) SELECT ?, ?, ?, opened_on FROM cases WHERE id = ?`,
    ),
    handlers: db.prepare(
      `SELECT h.officer_id AS officerId, o.name, o.cert_no AS certNo, h.is_lead AS isLead
       FROM case_handlers h JOIN officers o ON o.id = h.officer_id WHERE h.case_id = ? ORDER BY h.is_lead DESC, o.id`,
    ),
    insertStage: db.prepare(
      `INSERT INTO case_stages (case_id, stage, entered_on, note, user_id, created_at) VALUES (@caseId, @stage, @enteredOn, @note, @userId, @at)`,
    ),
    stages: db.prepare(
      `SELECT s.id, s.stage, s.entered_on AS enteredOn, s.note, u.display_name AS by, s.created_at AS createdAt
       FROM case_stages s LEFT JOIN users u ON u.id = s.user_id WHERE s.case_id = ? ORDER BY s.id`,
    ),
    insertRecord: db.prepare(
      `INSERT INTO case_records (case_id, kind, title, body, file_name, mime, sha256, size, supersedes, version, created_by, created_at)
       VALUES (@caseId, @kind, @title, @body, @fileName, @mime, @sha256, @size, @supersedes, @version, @createdBy, @at)`,
    ),
    records: db.prepare(
      `SELECT r.id, r.kind, r.title, r.body, r.file_name AS fileName, r.mime, r.sha256, r.size, r.supersedes, r.version,
         EXISTS (SELECT 1 FROM case_records n WHERE n.supersedes = r.id) AS superseded,
         u.display_name AS createdBy, r.created_at AS createdAt
       FROM case_records r LEFT JOIN users u ON u.id = r.created_by WHERE r.case_id = ? ORDER BY r.id`,
    ),
    record: db.prepare(
      `SELECT id, case_id AS caseId, kind, title, file_name AS fileName, mime, sha256, version FROM case_records WHERE id = ?`,
    ),
    recordSuperseded: db.prepare(`SELECT id FROM case_records WHERE supersedes = ?`),
    insertVaultObject: db.prepare(`INSERT OR IGNORE INTO vault_objects (sha256, size, stored_at) VALUES (?, ?, ?)`),
    searchDelete: db.prepare(`DELETE FROM case_search WHERE rowid = ?`),
    searchInsert: db.prepare(`INSERT INTO case_search (rowid, case_no, parties, place, facts, records) VALUES (?, ?, ?, ?, ?, ?)`),
    shortDelete: db.prepare(`DELETE FROM case_search_short WHERE rowid = ?`),
    shortInsert: db.prepare(`INSERT INTO case_search_short (rowid, grams) VALUES (?, ?)`),
    recordText: db.prepare(`SELECT group_concat(title || ' ' || body, ' ') AS t FROM case_records WHERE case_id = ?`),
  };

  function refreshSearch(caseId: number): void {
    const c = s.byId.get(caseId) as CaseRow;
    const parties = (s.parties.all(caseId) as Party[])
      .map((p) => [p.name, p.creditCode, p.idNumber, p.legalRep].filter(Boolean).join(' '))
      .join(' ');
    const records = (s.recordText.get(caseId) as { t: string | null }).t ?? '';
    s.searchDelete.run(caseId);
    s.searchInsert.run(caseId, c.caseNo, parties, c.place, `${c.title} ${c.facts}`, records);
    s.shortDelete.run(caseId);
    s.shortInsert.run(caseId, bigrams(`${c.caseNo} ${parties} ${c.place} ${c.title} ${c.facts}`));
  }

  function refreshSummaries(caseId: number): void {
    const parties = (s.parties.all(caseId) as Party[]).map((p) => p.name);
    const handlers = (s.handlers.all(caseId) as CaseHandler[]).map((h) => h.name);
    s.setSummaries.run({ id: caseId, parties: parties.join('、'), handlers: handlers.join('、') });
  }

  return {
    /** Next sequence number for a type and year; runs inside the caller's transaction. */
    nextSeq: (type: CaseType, year: number) => (s.nextSeq.get(type, year) as { seq: number }).seq,
    /** Makes sure automatic numbering continues after a manually entered number. */
    bumpSeq: (type: CaseType, year: number, seq: number) => s.bumpSeq.run(type, year, seq),
    get: (id: number) => (s.byId.get(id) as CaseRow | undefined) ?? null,
    idByNo: (caseNo: string) => (s.byNo.get(caseNo) as { id: number } | undefined)?.id ?? null,
    noBySeq: (type: CaseType, year: number, seq: number) =>
      (s.bySeq.get(type, year, seq) as { caseNo: string } | undefined)?.caseNo ?? null,
    insert: (c: {
      caseNo: string;
      caseType: CaseType;
      year: number;
      seq: number;
      procedure: Procedure;
      title: string;
      place: string;
      facts: string;
      openedOn: string;
      dueOn: string | null;
      createdBy: number | null;
      at: string;
    }) => Number(s.insert.run(c).lastInsertRowid),
    updateText: (id: number, t: { title: string; place: string; facts: string }, at: string) => s.updateText.run({ id, ...t, at }),
    setStage: (id: number, stage: Stage, closedOn: string | null, at: string) => s.setStage.run({ id, stage, closedOn, at }),
    setVoid: (id: number, reason: string, at: string) => s.setVoid.run({ id, reason, at }),
    insertParty: (caseId: number, p: PartyFields, at: string) =>
      Number(s.insertParty.run({ caseId, ...p, isMinor: +p.isMinor, at }).lastInsertRowid),
    parties: (caseId: number) => (s.parties.all(caseId) as (Omit<Party, 'isMinor'> & { isMinor: number })[]).map((p) => ({ ...p, isMinor: !!p.isMinor })),
    setHandlers(caseId: number, officerIds: number[]): void {
      s.clearHandlers.run(caseId);
      officerIds.forEach((o, i) => s.insertHandler.run(caseId, o, i === 0 ? 1 : 0, caseId));
    },
    handlers: (caseId: number) =>
      (s.handlers.all(caseId) as (Omit<CaseHandler, 'isLead'> & { isLead: number })[]).map((h) => ({ ...h, isLead: !!h.isLead })),
    insertStage: (e: { caseId: number; stage: Stage; enteredOn: string; note: string; userId: number | null; at: string }) =>
      s.insertStage.run(e),
    stages: (caseId: number) => s.stages.all(caseId) as StageEntry[],
    insertRecord: (r: {
      caseId: number;
      kind: 'text' | 'attachment';
      title: string;
      body: string;
      fileName: string | null;
      mime: string | null;
      sha256: string | null;
      size: number | null;
      supersedes: number | null;
      version: number;
      createdBy: number | null;
      at: string;
    }) => Number(s.insertRecord.run(r).lastInsertRowid),
    records: (caseId: number) =>
      (s.records.all(caseId) as (Omit<CaseRecord, 'superseded'> & { superseded: number })[]).map((r) => ({ ...r, superseded: !!r.superseded })),
    record: (id: number) =>
      (s.record.get(id) as
        | { id: number; caseId: number; kind: string; title: string; fileName: string | null; mime: string | null; sha256: string | null; version: number }
        | undefined) ?? null,
    isSuperseded: (recordId: number) => !!s.recordSuperseded.get(recordId),
    registerVaultObject: (sha256: string, size: number, at: string) => s.insertVaultObject.run(sha256, size, at),
    refreshSearch,
    refreshSummaries,
  };
}
export type CasesRepo = ReturnType<typeof createCasesRepo>;

export type CaseSummaryRow = Omit<CaseSummary, 'overdue'>;
