import { join } from 'node:path';
import { addDays } from '../../shared/logic/calendar.js';
import type { AppContext } from '../app.js';
import { derivedFixture } from './cached-fixture.js';
import { createRng } from '../demo/random.js';
import { registerFixture, type RegisterSize } from './register-fixture.js';

export const REPORTS_FIXTURE_VERSION = 1;

/**
 * The register fixture (copied, so the register bench keeps its own) plus what supervision reads
 * from the other issues, at a realistic scale: a decision for every case past 审查 (fines, some
 * confiscations, measures), a published disclosure for 85% of the result decisions (some late),
 * 40 recorders with their offload runs, and 20,000 footage rows (some linked, some unannotated).
 * Rows go straight into the tables in batches (the services are measured elsewhere).
 */
export async function reportsFixture(cacheDir: string, size: RegisterSize, log: (s: string) => void = () => {}): Promise<string> {
  const source = await registerFixture(cacheDir, size, log);
  return derivedFixture(source, join(cacheDir, `reports-${size.cases}`), REPORTS_FIXTURE_VERSION, (app) => {
    addDecisions(app, log);
    addFootage(app, size.cases, log);
  }, log);
}

function addDecisions(app: AppContext, log: (s: string) => void): void {
  const rng = createRng(21);
  const cal = app.calendar();
  const rows = app.db
    .prepare(`SELECT id, case_type AS t, year, opened_on AS o FROM cases WHERE stage IN ('decision','service','execution','closing','archived') ORDER BY id`)
    .all() as { id: number; t: string; year: number; o: string }[];
  const party = app.db.prepare(`SELECT id FROM parties WHERE case_id = ? ORDER BY id LIMIT 1`).pluck();
  const insert = app.db.prepare(
    `INSERT INTO decisions (case_id, decision_no, case_type, year, seq, decided_on, decision_type, content, measures, amounts, total_fine, total_confiscation,
       legal_basis, basis, disclosure_due_on, service_due_on, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '决定内容', ?, ?, ?, ?, '《森林法》', 'notMajor', ?, ?, 1, ?)`,
  );
  const item = app.db.prepare(
    `INSERT INTO disclosure_items (series_id, kind, state, title, item_date, case_id, decision_id, fields, redact_options, created_by, first_published_at, publish_due_on, created_at, updated_at)
     VALUES (0, ?, 'published', '处罚决定', ?, ?, ?, '{}', '{}', 1, ?, ?, ?, ?)`,
  );
  const setSeries = app.db.prepare(`UPDATE disclosure_items SET series_id = id WHERE id = ?`);
  const seq = new Map<string, number>();
  const at = new Date().toISOString();
  for (let s = 0; s < rows.length; s += 5000) {
    app.db.transaction(() => {
      for (const c of rows.slice(s, s + 5000)) {
        const decided = addDays(c.o, rng.int(10, 60));
        const year = Number(decided.slice(0, 4));
        const k = `${c.t}-${year}`;
        const n = (seq.get(k) ?? 0) + 1;
        seq.set(k, n);
        const penalty = c.t === 'penalty' || c.t === 'coercion';
        const fine = penalty && rng.chance(0.8) ? rng.int(1, 200) * 500 : 0;
        const conf = penalty && rng.chance(0.2) ? rng.int(1, 50) * 100 : 0;
        const measures = [...(fine ? ['fine'] : []), ...(conf ? ['confiscateGains'] : []), ...(!fine && !conf ? ['warning'] : [])];
        const due = cal.addWorkdays(decided, 7);
        const id = Number(
          insert.run(c.id, `遂林决〔${year}〕${c.t}${n}号`, c.t, year, n, decided, penalty ? 'penalty' : 'other', JSON.stringify(measures), JSON.stringify([{ partyId: party.get(c.id), fine, confiscation: conf }]), fine, conf, due, addDays(decided, 7), at).lastInsertRowid,
        );
        if (['penalty', 'permit', 'coercion', 'levy', 'inspection'].includes(c.t) && rng.chance(0.85)) {
          const published = cal.addWorkdays(decided, rng.chance(0.9) ? rng.int(1, 7) : rng.int(8, 15));
          const item_ = Number(item.run(c.t, decided, c.id, id, `${published}T02:00:00.000Z`, due, at, at).lastInsertRowid);
          setSeries.run(item_);
        }
      }
    })();
    log(`decisions ${Math.min(rows.length, s + 5000)}/${rows.length}`);
  }
}

function addFootage(app: AppContext, cases: number, log: (s: string) => void): void {
  const rng = createRng(33);
  const officers = app.db.prepare(`SELECT id FROM officers ORDER BY id`).pluck().all() as number[];
  const at = new Date().toISOString();
  const now = Date.now();
  app.db.transaction(() => {
    officers.forEach((o, i) => app.db.prepare(`INSERT INTO devices (serial, model, officer_id, created_at, updated_at) VALUES (?, 'DSJ-V8', ?, ?, ?)`).run(`DSJ${1000 + i}`, o, at, at));
    const run = app.db.prepare(`INSERT INTO ingest_runs (device_key, device_serial, folder, state, copied, bytes, started_at, finished_at, username) VALUES (?, ?, 'E:\\', 'done', ?, ?, ?, ?, 'bench')`);
    for (let i = 0; i < 2000; i++) {
      const serial = `DSJ${1000 + (i % officers.length)}`;
      const t = new Date(now - rng.int(0, 365) * 86_400_000).toISOString();
      run.run(serial, serial, rng.int(1, 30), rng.int(1, 30) * 100_000_000, t, t);
    }
    const media = app.db.prepare(
      `INSERT INTO media_items (sha256, size, kind, file_name, ext, device_serial, officer_id, recorded_at, ingested_at, ingested_by_name, duration_ms, annotated_at, matter, proof)
       VALUES (?, ?, 'video', ?, 'mp4', ?, ?, ?, ?, 'bench', ?, ?, ?, '现场情况')`,
    );
    const link = app.db.prepare(`INSERT OR IGNORE INTO media_case_links (media_id, case_id, linked_at) VALUES (?, ?, ?)`);
    for (let i = 0; i < 20_000; i++) {
      const o = officers[i % officers.length];
      const t = new Date(now - rng.int(0, 720) * 86_400_000 - rng.int(0, 86_400_000)).toISOString();
      const annotated = rng.chance(0.9);
      const id = Number(
        media.run(i.toString(16).padStart(64, '0'), rng.int(10, 500) * 1_000_000, `DCAM_${i}.mp4`, `DSJ${1000 + (i % officers.length)}`, o, t, t, rng.int(30, 900) * 1000, annotated ? t : null, annotated ? rng.pick(['inspection', 'seizure', '']) : '').lastInsertRowid,
      );
      if (annotated && rng.chance(0.7)) link.run(id, rng.int(1, cases), t);
    }
  })();
  log('footage 20000');
}
