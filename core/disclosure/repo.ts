import type { DisclosureKind, DisclosureState, WithdrawEvent } from '../../shared/disclosure-domain.js';
import type { NoticeFields, PublicItem, ResultFields } from '../../shared/disclosure-types.js';
import type { AppContext } from '../app.js';
import type { Db } from '../db/connection.js';
import type { ItemRedaction, MaskOverride } from './redaction.js';

/** One version of a disclosure item, with its JSON columns parsed. */
export interface Item {
  id: number;
  seriesId: number;
  version: number;
  kind: DisclosureKind;
  state: DisclosureState;
  title: string;
  itemDate: string;
  caseId: number | null;
  decisionId: number | null;
  partyId: number | null;
  result: ResultFields | null;
  notice: NoticeFields | null;
  redaction: ItemRedaction;
  kept: string[];
  imageSha256: string | null;
  imageName: string | null;
  imageMime: string | null;
  correctionNote: string | null;
  supersedes: number | null;
  createdBy: number;
  editors: number[];
  submittedBy: number | null;
  submittedAt: string | null;
  approvedBy: number | null;
  approvedAt: string | null;
  approvedOn: string | null;
  publicContent: PublicItem | null;
  pdfSha256: string | null;
  contentHash: string | null;
  rejectReason: string | null;
  publishDueOn: string | null;
  firstPublishedAt: string | null;
  publishedRelease: string | null;
  withdrawEvent: WithdrawEvent | null;
  withdrawEventOn: string | null;
  withdrawReason: string | null;
  withdrawnBy: number | null;
  withdrawnAt: string | null;
  withdrawDueOn: string | null;
  takenDownAt: string | null;
  takedownDueOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export const ITEM_COLUMNS = `id, series_id AS seriesId, version, kind, state, title, item_date AS itemDate, case_id AS caseId,
  decision_id AS decisionId, party_id AS partyId, fields, redact_options AS redaction, kept, image_sha256 AS imageSha256,
  image_name AS imageName, image_mime AS imageMime, correction_note AS correctionNote, supersedes, created_by AS createdBy,
  editors, submitted_by AS submittedBy, submitted_at AS submittedAt, approved_by AS approvedBy, approved_at AS approvedAt,
  approved_on AS approvedOn, public_content AS publicContent, pdf_sha256 AS pdfSha256, content_hash AS contentHash,
  reject_reason AS rejectReason, publish_due_on AS publishDueOn, first_published_at AS firstPublishedAt,
  published_release AS publishedRelease, withdraw_event AS withdrawEvent, withdraw_event_on AS withdrawEventOn,
  withdraw_reason AS withdrawReason, withdrawn_by AS withdrawnBy, withdrawn_at AS withdrawnAt, withdraw_due_on AS withdrawDueOn,
  taken_down_at AS takenDownAt, takedown_due_on AS takedownDueOn, created_at AS createdAt, updated_at AS updatedAt`;

type Raw = Omit<Item, 'result' | 'notice' | 'redaction' | 'kept' | 'editors' | 'publicContent'> & {
  fields: string;
  redaction: string;
  kept: string;
  editors: string;
  publicContent: string | null;
};

export function parseItem(r: Raw): Item {
  const { fields, redaction, kept, editors, publicContent, ...rest } = r;
  const f = JSON.parse(fields) as { result: ResultFields | null; notice: NoticeFields | null };
  return {
    ...rest,
    result: f.result,
    notice: f.notice,
    redaction: JSON.parse(redaction),
    kept: JSON.parse(kept),
    editors: JSON.parse(editors),
    publicContent: publicContent ? JSON.parse(publicContent) : null,
  };
}

/** The columns a content edit writes (state, content and the approval it clears). */
export interface ContentWrite {
  id: number;
  state: DisclosureState;
  title: string;
  itemDate: string;
  fields: string;
  redaction: string;
  kept: string;
  imageSha256: string | null;
  imageName: string | null;
  imageMime: string | null;
  editors: string;
  at: string;
}

function create(db: Db) {
  const s = {
    get: db.prepare(`SELECT ${ITEM_COLUMNS} FROM disclosure_items WHERE id = ?`),
    series: db.prepare(`SELECT ${ITEM_COLUMNS} FROM disclosure_items WHERE series_id = ? ORDER BY version`),
    ofCase: db.prepare(`SELECT ${ITEM_COLUMNS} FROM disclosure_items WHERE case_id = ? ORDER BY id`),
    ofDecision: db.prepare(`SELECT id FROM disclosure_items WHERE decision_id = ? ORDER BY id LIMIT 1`),
    insert: db.prepare(
      `INSERT INTO disclosure_items (series_id, version, kind, state, title, item_date, case_id, decision_id, party_id, fields,
         redact_options, kept, image_sha256, image_name, image_mime, correction_note, supersedes, created_by, editors,
         publish_due_on, takedown_due_on, created_at, updated_at)
       VALUES (coalesce(@seriesId, (SELECT coalesce(max(id), 0) + 1 FROM disclosure_items)), @version, @kind, 'draft', @title, @itemDate,
         @caseId, @decisionId, @partyId, @fields, @redaction, @kept, @imageSha256, @imageName, @imageMime, @correctionNote,
         @supersedes, @createdBy, @editors, @publishDueOn, @takedownDueOn, @at, @at)`,
    ),
    writeContent: db.prepare(
      `UPDATE disclosure_items SET state = @state, title = @title, item_date = @itemDate, fields = @fields, redact_options = @redaction,
         kept = @kept, image_sha256 = @imageSha256, image_name = @imageName, image_mime = @imageMime, editors = @editors,
         approved_by = NULL, approved_at = NULL, approved_on = NULL, public_content = NULL, pdf_sha256 = NULL, content_hash = NULL,
         updated_at = @at WHERE id = @id`,
    ),
    setDue: db.prepare(`UPDATE disclosure_items SET publish_due_on = ?, takedown_due_on = ? WHERE id = ?`),
    linkDecision: db.prepare(`UPDATE disclosure_items SET decision_id = ? WHERE id = ? AND decision_id IS NULL AND state = 'draft'`),
    submit: db.prepare(`UPDATE disclosure_items SET state = 'pending', submitted_by = ?, submitted_at = ?, reject_reason = NULL, updated_at = ? WHERE id = ?`),
    approve: db.prepare(
      `UPDATE disclosure_items SET state = 'approved', approved_by = @by, approved_at = @at, approved_on = @on, public_content = @publicContent,
         pdf_sha256 = @pdfSha256, content_hash = @contentHash, updated_at = @at WHERE id = @id AND state = 'pending'`,
    ),
    reject: db.prepare(`UPDATE disclosure_items SET state = 'draft', reject_reason = ?, updated_at = ? WHERE id = ? AND state = 'pending'`),
    withdraw: db.prepare(
      `UPDATE disclosure_items SET state = 'withdrawn', withdraw_event = @event, withdraw_event_on = @eventOn, withdraw_reason = @reason,
         withdrawn_by = @by, withdrawn_at = @at, withdraw_due_on = @dueOn, taken_down_at = @takenDownAt, updated_at = @at WHERE id = @id`,
    ),
    published: db.prepare(
      `UPDATE disclosure_items SET state = 'published', first_published_at = coalesce(first_published_at, @at), published_release = @release,
         updated_at = @at WHERE id = @id AND state = 'approved' AND content_hash = @hash`,
    ),
    supersede: db.prepare(`UPDATE disclosure_items SET state = 'superseded', updated_at = ? WHERE series_id = ? AND id <> ? AND state = 'published'`),
    takenDown: db.prepare(`UPDATE disclosure_items SET taken_down_at = ? WHERE state = 'withdrawn' AND taken_down_at IS NULL AND id = ?`),
    overrides: db.prepare(
      `SELECT field, start_at AS start, end_at AS end, kind, text, replacement FROM disclosure_overrides WHERE item_id = ? ORDER BY field, start_at`,
    ),
    clearOverrides: db.prepare(`DELETE FROM disclosure_overrides WHERE item_id = ?`),
    insertOverride: db.prepare(
      `INSERT INTO disclosure_overrides (item_id, field, start_at, end_at, kind, text, replacement, created_by, created_at)
       VALUES (@itemId, @field, @start, @end, @kind, @text, @replacement, @by, @at)`,
    ),
    event: db.prepare(
      `INSERT INTO disclosure_events (item_id, action, user_id, username, at, note, content_hash) VALUES (@itemId, @action, @userId, @username, @at, @note, @hash)`,
    ),
    events: db.prepare(
      `SELECT e.action, coalesce(u.display_name, e.username) AS by, e.at, e.note FROM disclosure_events e
       LEFT JOIN users u ON u.id = e.user_id WHERE e.item_id IN (SELECT id FROM disclosure_items WHERE series_id = ?) ORDER BY e.id`,
    ),
  };
  const one = (r: unknown) => (r ? parseItem(r as Raw) : null);
  return {
    get: (id: number) => one(s.get.get(id)),
    series: (seriesId: number) => (s.series.all(seriesId) as Raw[]).map(parseItem),
    ofCase: (caseId: number) => (s.ofCase.all(caseId) as Raw[]).map(parseItem),
    idOfDecision: (decisionId: number) => (s.ofDecision.get(decisionId) as { id: number } | undefined)?.id ?? null,
    insert: (v: Record<string, unknown>) => Number(s.insert.run(v).lastInsertRowid),
    writeContent: (w: ContentWrite) => s.writeContent.run(w),
    setDue: (id: number, publishDueOn: string | null, takedownDueOn: string | null) => s.setDue.run(publishDueOn, takedownDueOn, id),
    /** A draft written by hand before its decision was recorded gets the decision (once). */
    linkDecision: (id: number, decisionId: number) => s.linkDecision.run(decisionId, id).changes > 0,
    submit: (id: number, by: number, at: string) => s.submit.run(by, at, at, id),
    approve: (v: { id: number; by: number; at: string; on: string; publicContent: string; pdfSha256: string | null; contentHash: string }) =>
      s.approve.run(v).changes,
    reject: (id: number, reason: string, at: string) => s.reject.run(reason, at, id).changes,
    withdraw: (v: { id: number; event: WithdrawEvent; eventOn: string; reason: string; by: number; at: string; dueOn: string; takenDownAt: string | null }) =>
      s.withdraw.run(v),
    markPublished: (id: number, hash: string, release: string, at: string) => s.published.run({ id, hash, release, at }).changes,
    supersedeOthers: (seriesId: number, keepId: number, at: string) => s.supersede.run(at, seriesId, keepId).changes,
    markTakenDown: (id: number, at: string) => s.takenDown.run(at, id).changes,
    overrides: (itemId: number) => s.overrides.all(itemId) as MaskOverride[],
    replaceOverrides(itemId: number, masks: MaskOverride[], by: number, at: string) {
      s.clearOverrides.run(itemId);
      for (const m of masks) s.insertOverride.run({ itemId, ...m, by, at });
    },
    event: (v: { itemId: number; action: string; userId: number | null; username: string; at: string; note?: string; hash?: string | null }) =>
      s.event.run({ note: '', hash: null, ...v }),
    events: (seriesId: number) => s.events.all(seriesId) as { action: string; by: string; at: string; note: string }[],
  };
}
export type DisclosureRepo = ReturnType<typeof create>;

const cache = new WeakMap<Db, DisclosureRepo>();

/** The disclosure repository of an open data folder, prepared once per connection. */
export function disclosureRepo(app: AppContext): DisclosureRepo {
  let r = cache.get(app.db);
  if (!r) {
    r = create(app.db);
    cache.set(app.db, r);
  }
  return r;
}
