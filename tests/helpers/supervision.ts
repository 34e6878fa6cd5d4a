import type { SessionUser } from '../../core/accounts/sessions.js';
import type { CaseType } from '../../shared/domain.js';
import { makeTestApp, officerInput, type TestApp } from './app.js';

/** A settable clock for makeTestApp: local (Asia/Shanghai) date-times. */
export function testClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set(s: string) {
      now = new Date(s);
    },
  };
}

export interface SupervisionWorld {
  t: TestApp;
  clock: ReturnType<typeof testClock>;
  officer: SessionUser;
  head: SessionUser;
  officerIds: number[];
  newCase(o?: { caseType?: CaseType; procedure?: 'simple' | 'ordinary'; openedOn?: string; title?: string; party?: string; minor?: boolean }): Promise<{ id: number; caseNo: string; partyId: number }>;
  /** Records a decision (simple procedure passes the gate) with a fine. */
  decide(caseId: number, partyId: number, decidedOn: string, fine?: number): Promise<{ decisionNo: string; disclosureDueOn: string }>;
  /** Moves a case through to 结案 on `date`. */
  close(caseId: number, date: string): Promise<void>;
  /** Marks a write made straight into the tables (as the services' audit rows do). */
  touch(objectType: string, objectId: number | string): void;
  /** Inserts a footage row as the ingest issue would (for rules that only read the table). */
  media(o: { fileName: string; ingestedAt: string; officerId?: number; annotated?: boolean; durationMs?: number; matter?: string; caseId?: number; bytes?: Buffer }): number;
}

let n = 0;

export async function supervisionWorld(start = '2026-02-10T10:00:00+08:00'): Promise<SupervisionWorld> {
  const clock = testClock(start);
  const t = await makeTestApp({ now: clock.now });
  const a = (await t.call('officers.create', officerInput('王建国'))).id;
  const b = (await t.call('officers.create', officerInput('李秀英'))).id;
  const officer = await t.user('zhifa', ['officer'], { officerId: a });
  const head = await t.user('juzhang', ['head']);
  const today = () => {
    const d = clock.now();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };

  async function newCase(o: Parameters<SupervisionWorld['newCase']>[0] = {}) {
    n++;
    const party = o.party ?? `张${'一二三四五六七八九十'[n % 10]}明`;
    const procedure = o.procedure ?? 'simple';
    const r = await t.call(
      'cases.create',
      {
        caseType: o.caseType ?? 'penalty',
        procedure,
        title: o.title ?? `${party}滥伐林木案`,
        place: '船山区永兴镇',
        facts: '当事人未经许可采伐林木。',
        openedOn: o.openedOn ?? today(),
        handlerIds: procedure === 'simple' ? [a] : [a, b],
        parties: [{ kind: 'person', name: party, isMinor: !!o.minor }],
      },
      officer,
    );
    const d = await t.call('cases.get', { id: r.id }, officer);
    return { id: r.id, caseNo: r.caseNo, partyId: d.parties[0].id };
  }

  async function decide(caseId: number, partyId: number, decidedOn: string, fine = 2000) {
    const d = await t.call(
      'decisions.record',
      { caseId, decidedOn, decisionType: 'penalty', content: `罚款人民币 ${fine} 元。`, measures: ['fine'], amounts: [{ partyId, fine }], legalBasis: '《森林法》第七十六条' },
      officer,
    );
    return { decisionNo: d.decisionNo, disclosureDueOn: (t.app.db.prepare('SELECT disclosure_due_on AS d FROM decisions WHERE case_id = ?').get(caseId) as { d: string }).d };
  }

  async function close(caseId: number, date: string) {
    await t.call('cases.advanceStage', { id: caseId, stage: 'closing', enteredOn: date, note: '结案' }, officer);
  }

  /** Every write of the services appends an audit row; rows inserted straight into the tables by a test do the same. */
  function touch(objectType: string, objectId: number | string): void {
    t.app.db.transaction(() => t.app.audit.append({ userId: null, username: '(测试)', operation: 'test.insert', objectType, objectId, summary: {} }))();
  }

  function media(o: Parameters<SupervisionWorld['media']>[0]): number {
    n++;
    let sha = (n.toString(16).padStart(8, '0') + '0'.repeat(56)).slice(0, 64);
    let size = 1000;
    if (o.bytes) {
      const stored = t.app.vault.putBytes(o.bytes);
      t.app.db.prepare(`INSERT OR IGNORE INTO vault_objects (sha256, size, stored_at) VALUES (?, ?, ?)`).run(stored.sha256, stored.size, o.ingestedAt);
      ({ sha256: sha, size } = stored);
    }
    const id = Number(
      t.app.db
        .prepare(
          `INSERT INTO media_items (sha256, size, kind, file_name, ext, device_serial, officer_id, recorded_at, ingested_at, ingested_by_name, duration_ms, annotated_at, matter, proof, place)
           VALUES (?, ?, 'video', ?, 'mp4', 'DSJ001', ?, ?, ?, '王建国', ?, ?, ?, '现场情况', '永兴镇')`,
        )
        .run(sha, size, o.fileName, o.officerId ?? a, o.ingestedAt, o.ingestedAt, o.durationMs ?? 60_000, o.annotated ? o.ingestedAt : null, o.matter ?? '').lastInsertRowid,
    );
    if (o.caseId) t.app.db.prepare(`INSERT INTO media_case_links (media_id, case_id, linked_at) VALUES (?, ?, ?)`).run(id, o.caseId, o.ingestedAt);
    touch('media', id);
    return id;
  }

  return { t, clock, officer, head, officerIds: [a, b], newCase, decide, close, media, touch };
}
