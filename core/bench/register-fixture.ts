import { join } from 'node:path';
import { CASE_TYPES, STAGES, type CaseType, type Stage } from '../../shared/domain.js';
import { addDays, todayLocal } from '../../shared/logic/calendar.js';
import { formatCaseNumber } from '../../shared/logic/case-number.js';
import { openApp, type AppContext } from '../app.js';
import { cachedFixture } from './cached-fixture.js';
import { dispatch } from '../dispatch.js';
import { makeCreditCode } from '../../shared/logic/check-digits.js';
import { organisation, person, place } from '../demo/people.js';
import { createRng } from '../demo/random.js';
import { CASE_TEMPLATES, FOREST_SPECIES } from '../demo/vocabulary.js';

export const FIXTURE_VERSION = 4;
export const BENCH_PASSWORD = 'Bench@2026';

export interface RegisterSize {
  cases: number;
  partiesPerCase: number;
  auditRows: number;
}
export const FULL_SIZE: RegisterSize = { cases: 100_000, partiesPerCase: 3, auditRows: 1_000_000 };

/**
 * A large register for benchmarks: N cases with 3 parties each, handlers, stage entries and
 * full-text rows written through the repositories, and audit rows up to the requested count.
 * Built once into `cacheDir` and reused while FIXTURE_VERSION and the size are unchanged.
 */
export async function registerFixture(cacheDir: string, size: RegisterSize = FULL_SIZE, log: (s: string) => void = () => {}): Promise<string> {
  const want = JSON.stringify({ version: FIXTURE_VERSION, size });
  return cachedFixture(join(cacheDir, `register-${size.cases}-${size.auditRows}`), want, async (dir) => {
    const app = openApp({ dataDir: dir, create: true });
    try {
      const init = await dispatch(app, 'setup.initialize', {
        bureau: { name: '遂宁市林业局', unitAbbr: '遂林', creditCode: makeCreditCode('11510900MB0123456'), websiteName: '遂宁市林业局行政执法公示' },
        admin: { username: 'admin', displayName: '系统管理员', password: BENCH_PASSWORD },
      });
      if (!init.ok) throw new Error(init.error.message);
      const officerIds = insertOfficers(app);
      insertCases(app, size, officerIds, log);
      fillAudit(app, size.auditRows, log);
      app.db.pragma('wal_checkpoint(TRUNCATE)');
      app.db.exec('ANALYZE');
    } finally {
      app.close();
    }
  });
}

function insertOfficers(app: AppContext): number[] {
  const at = new Date().toISOString();
  return app.db.transaction(() =>
    Array.from({ length: 40 }, (_, i) =>
      app.repos.officers.insert(
        { name: `执法员${i + 1}`, unit: '遂宁市林业局', position: '执法队员', certNo: `BENCH${i}`, certValidUntil: '2035-12-31', category: '林业', region: '船山区', status: 'active', phone: '', officerNo: String(i) },
        at,
      ),
    ),
  )();
}

function insertCases(app: AppContext, size: RegisterSize, officerIds: number[], log: (s: string) => void): void {
  const rng = createRng(7);
  const { cases } = app.repos;
  const today = todayLocal();
  const pattern = app.settings.get().caseNumberPattern;
  const abbr = app.settings.get().typeAbbreviations;
  const at = new Date().toISOString();
  const batch = 5000;
  for (let start = 0; start < size.cases; start += batch) {
    app.db.transaction(() => {
      for (let i = start; i < Math.min(size.cases, start + batch); i++) {
        const caseType: CaseType = CASE_TYPES[i % CASE_TYPES.length];
        const openedOn = addDays(today, -rng.int(0, 3 * 365));
        const year = Number(openedOn.slice(0, 4));
        const seq = cases.nextSeq(caseType, year);
        const t = rng.pick(CASE_TEMPLATES[caseType]);
        const parties = Array.from({ length: size.partiesPerCase }, (_, k) => (k === 0 && rng.chance(0.4) ? organisation(rng) : person(rng)));
        const where = place(rng);
        const id = cases.insert({
          caseNo: formatCaseNumber(pattern, { unit: '遂林', type: abbr[caseType], year, seq }),
          caseType,
          year,
          seq,
          procedure: rng.chance(0.8) ? 'ordinary' : 'simple',
          title: `${parties[0].name}${t.title}`,
          place: where,
          facts: t.facts.replaceAll('{party}', parties[0].name).replaceAll('{place}', where).replaceAll('{species}', rng.pick(FOREST_SPECIES)).replaceAll('{area}', '12.5').replaceAll('{volume}', '3.6'),
          openedOn,
          dueOn: addDays(openedOn, 90),
          createdBy: 1,
          at,
        });
        for (const p of parties) cases.insertParty(id, p, at);
        cases.setHandlers(id, [rng.pick(officerIds), rng.pick(officerIds)].filter((v, k, a) => a.indexOf(v) === k));
        const stage: Stage = STAGES[rng.int(0, STAGES.length - 1)];
        cases.insertStage({ caseId: id, stage: 'filing', enteredOn: openedOn, note: '', userId: 1, at });
        if (stage !== 'filing') {
          cases.setStage(id, stage, stage === 'closing' || stage === 'archived' ? openedOn : null, at);
          cases.insertStage({ caseId: id, stage, enteredOn: openedOn, note: '', userId: 1, at });
        }
        cases.refreshSummaries(id);
        cases.refreshSearch(id);
        app.audit.append({ userId: 1, username: 'admin', operation: 'cases.create', objectType: 'case', objectId: id, summary: { caseNo: 'bench' } });
      }
    })();
    log(`cases ${Math.min(size.cases, start + batch)}/${size.cases}`);
  }
}

function fillAudit(app: AppContext, total: number, log: (s: string) => void): void {
  const batch = 50_000;
  while (app.audit.head().entries < total) {
    const left = total - app.audit.head().entries;
    app.db.transaction(() => {
      for (let i = 0; i < Math.min(batch, left); i++) {
        app.audit.append({ userId: 1, username: 'admin', operation: 'cases.list', objectType: 'case', objectId: 1 + (i % 1000), summary: { viewed: true, i } });
      }
    })();
    log(`audit ${app.audit.head().entries}/${total}`);
  }
}
