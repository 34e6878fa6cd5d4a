import { authenticate } from '../../core/accounts/login.js';
import type { SessionUser } from '../../core/accounts/sessions.js';
import type { AppContext } from '../../core/app.js';
import { dispatch } from '../../core/dispatch.js';
import type { CaseType } from '../../shared/domain.js';
import { addDays, todayLocal } from '../../shared/logic/calendar.js';
import type { Role } from '../../shared/roles.js';
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

/** People and cases of the browser tests' bureau (seedAlertScene). */
export interface AlertScene {
  admin: SessionUser;
  head: SessionUser;
  officer: SessionUser;
  reviewer: SessionUser;
  publisher: SessionUser;
  /** Password of head, officer, reviewer and publisher (already changed from the initial one). */
  password: string;
  /** Opened 200 days ago and still in 立案: past its handling period. */
  overdueCase: { id: number; caseNo: string };
  /** Decided 40 days ago, never published. */
  undisclosedCase: { id: number; caseNo: string };
  /** Submitted for review 40 days ago, never reviewed. */
  reviewCase: { id: number; caseNo: string };
  /** An inspection with a record and an attachment, closed 45 days ago, not archived (no footage either). */
  closedCase: { id: number; caseNo: string };
}

/**
 * A bureau (already initialised, admin signed in as `admin`) with something for most 工作台 alerts:
 * a case past its period, a decision not published in time, an overdue review, an expired and an
 * expiring certificate, a case closed long ago and not archived (missing its required footage), a
 * recorder never offloaded, footage not annotated, and no backup target. The work happens at past
 * dates by moving `clock` back; it ends on `today`.
 */
export async function seedAlertScene(app: AppContext, clock: ReturnType<typeof testClock>, admin: SessionUser, today: string): Promise<AlertScene> {
  const must = async <T>(op: string, input: unknown, user: SessionUser): Promise<T> => {
    const r = await dispatch(app, op, input, { user });
    if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const at = (days: number) => clock.set(`${addDays(today, days)}T10:00:00+08:00`);
  const officer = (name: string, certValidUntil: string, certNo: string) =>
    must<{ id: number }>('officers.create', { name, unit: '遂宁市林业局', certNo, certValidUntil, category: '林业行政执法', region: '船山区' }, admin).then((o) => o.id);
  at(-200);
  const a = await officer('王建国', addDays(today, 900), 'SN-LY-2021-0101');
  const b = await officer('李秀英', addDays(today, 800), 'SN-LY-2021-0102');
  await officer('陈过期', addDays(today, -10), 'SN-LY-2019-0007');
  await officer('赵将到', addDays(today, 20), 'SN-LY-2020-0031');
  const password = 'Scene#2026x';
  const person = async (username: string, displayName: string, roles: Role[], extra: { officerId?: number; reviewerQualified?: boolean } = {}) => {
    await must('users.create', { username, displayName, roles, password: 'Init#2026x', officerId: extra.officerId ?? null, reviewerQualified: extra.reviewerQualified ?? false }, admin);
    const first = authenticate(app, username, 'Init#2026x').user;
    await must('auth.changePassword', { oldPassword: 'Init#2026x', newPassword: password }, first);
    return authenticate(app, username, password).user;
  };
  const officerUser = await person('zhifa', '王建国', ['officer'], { officerId: a });
  const head = await person('juzhang', '刘局长', ['head']);
  const reviewer = await person('fazhi', '周法审', ['reviewer'], { reviewerQualified: true });
  const publisher = await person('gongkai', '吴公开', ['publisher']);

  const newCase = async (o: { caseType: CaseType; procedure: 'simple' | 'ordinary'; title: string; party: string; organisation?: boolean }) => {
    const r = await must<{ id: number; caseNo: string }>(
      'cases.create',
      {
        caseType: o.caseType,
        procedure: o.procedure,
        title: o.title,
        place: '船山区永兴镇白鹤村',
        facts: `${o.party}${o.title.replace(/案$/, '')}，经现场核查属实。`,
        openedOn: todayLocal(clock.now()),
        handlerIds: o.procedure === 'simple' ? [a] : [a, b],
        parties: [o.organisation ? { kind: 'organisation', name: o.party, legalRep: '孙德明', address: '遂宁市船山区' } : { kind: 'person', name: o.party, address: '遂宁市船山区' }],
      },
      officerUser,
    );
    return r;
  };
  const overdueCase = await newCase({ caseType: 'penalty', procedure: 'ordinary', title: '擅自改变林地用途案', party: '欧阳明轩' });

  at(-60);
  const closedCase = await newCase({ caseType: 'inspection', procedure: 'ordinary', title: '木材经营加工场所检查', party: '遂宁市某某木业有限公司', organisation: true });
  await must('cases.addRecord', { caseId: closedCase.id, title: '现场检查笔录', body: '执法人员出示证件后对木材经营加工场所进行检查，台账齐全。' }, officerUser);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Type /Page >> endobj\n%%EOF\n');
  await must('cases.addRecord', { caseId: closedCase.id, title: '现场照片', file: { name: '现场照片.pdf', base64: pdf.toString('base64') } }, officerUser);
  at(-45);
  await must('cases.advanceStage', { id: closedCase.id, stage: 'closing', enteredOn: addDays(today, -45), note: '检查完毕，未发现违法行为' }, officerUser);

  at(-40);
  const undisclosedCase = await newCase({ caseType: 'penalty', procedure: 'simple', title: '滥伐林木案', party: '张三明' });
  const party = (await must<{ parties: { id: number }[] }>('cases.get', { id: undisclosedCase.id }, officerUser)).parties[0].id;
  await must('decisions.record', { caseId: undisclosedCase.id, decidedOn: addDays(today, -40), decisionType: 'penalty', content: '罚款人民币 2000 元。', measures: ['fine'], amounts: [{ partyId: party, fine: 2000 }], legalBasis: '《森林法》第七十六条' }, officerUser);

  const reviewCase = await newCase({ caseType: 'penalty', procedure: 'ordinary', title: '非法收购木材案', party: '李四海' });
  const rec = async (title: string) => (await must<{ id: number }>('cases.addRecord', { caseId: reviewCase.id, title, body: `${title}（内容）` }, officerUser)).id;
  const records = { filing: await rec('立案审批表'), interview: await rec('询问笔录'), evidence: await rec('现场勘验图'), notice: await rec('行政处罚事先告知书'), statement: await rec('陈述申辩笔录') };
  const reviewParty = (await must<{ parties: { id: number }[] }>('cases.get', { id: reviewCase.id }, officerUser)).parties[0].id;
  await must(
    'review.submit',
    {
      caseId: reviewCase.id,
      proposal: { decisionType: 'penalty', measures: ['fine'], amounts: [{ partyId: reviewParty, fine: 3000 }], legalBasis: '《森林法》第七十三条', discretion: 'ordinary', discretionNote: '', summary: '拟罚款 3,000 元。', flags: [] },
      materials: { filingApproval: [records.filing], interviewRecords: [records.interview], evidence: [records.evidence], notice: [records.notice], statement: [records.statement] },
      handlerStatement: '事实清楚，证据确凿。',
    },
    officerUser,
  );

  at(-10);
  await must('devices.create', { serial: 'DSJ-2026-07', model: 'DSJ-V8', officerId: a, notes: '' }, admin);
  at(0);
  const ingested = new Date(clock.now().getTime() - 5 * 86_400_000).toISOString();
  app.db
    .prepare(
      `INSERT INTO media_items (sha256, size, kind, file_name, ext, device_serial, officer_id, recorded_at, ingested_at, ingested_by_name, duration_ms, annotated_at, matter, proof, place)
       VALUES (?, 1000, 'video', 'DCAM_DSJ-2026-07_0101_20261101_093000.mp4', 'mp4', 'DSJ-2026-07', ?, ?, ?, '王建国', 600000, NULL, '', '', '')`,
    )
    .run('f'.repeat(64), a, ingested, ingested);
  app.db.transaction(() => app.audit.append({ userId: null, username: '(测试)', operation: 'test.insert', objectType: 'media', objectId: 1, summary: {} }))();
  return { admin, head, officer: officerUser, reviewer, publisher, password, overdueCase, undisclosedCase, reviewCase, closedCase };
}
