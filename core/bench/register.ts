import { join } from 'node:path';
import { CASE_TYPES, STAGES } from '../../shared/domain.js';
import { todayLocal } from '../../shared/logic/calendar.js';
import { authenticate } from '../accounts/login.js';
import { verifyAuditChain } from '../audit/audit-log.js';
import { openApp } from '../app.js';
import { dispatch } from '../dispatch.js';
import { createRng } from '../demo/random.js';
import { BENCH_PASSWORD, FULL_SIZE, registerFixture, type RegisterSize } from './register-fixture.js';
import { summarise, timeMany } from './stats.js';

/** Targets from the foundation issue, in milliseconds. */
export const REGISTER_TARGETS = { listP95: 10, searchP95: 30, detailP95: 5, openMs: 300, createP95: 5, auditVerifyMs: 5000 };

const SEARCHES = ['张伟', '王', '刘洋', '永兴镇', '船山区', '滥伐林木', '柏木', '遂林罚〔2025〕1', '木业有限公司', '白鹤村', '擅自改变林地用途', '欧阳', '红梅', '射洪市金华镇', '鑫源'];

export async function benchRegister(cacheDir: string, size: RegisterSize = FULL_SIZE, log: (s: string) => void = () => {}) {
  const tBuild = performance.now();
  const dir = await registerFixture(cacheDir, size, log);
  const buildMs = performance.now() - tBuild;

  const tOpen = performance.now();
  const app = openApp({ dataDir: dir });
  const openMs = performance.now() - tOpen;
  try {
    const { user } = authenticate(app, 'admin', BENCH_PASSWORD);
    const call = async (op: string, input: unknown) => {
      const r = await dispatch(app, op, input, { user });
      if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
      return r.value;
    };
    const rng = createRng(99);
    const today = todayLocal();
    const officers = app.repos.officers.list().map((o) => o.id);
    const filters = () => {
      const f: Record<string, unknown> = { page: rng.int(1, 5), pageSize: 50 };
      if (rng.chance(0.5)) f.caseType = rng.pick(CASE_TYPES);
      if (rng.chance(0.5)) f.stage = rng.pick(STAGES);
      if (rng.chance(0.3)) f.handlerId = rng.pick(officers);
      if (rng.chance(0.3)) f.openedFrom = `${rng.int(2024, 2026)}-0${rng.int(1, 9)}-01`;
      if (rng.chance(0.2)) f.overdue = true;
      if (rng.chance(0.2)) f.status = 'active';
      return f;
    };
    const list = await timeMany(300, () => call('cases.list', filters()));
    const search = await timeMany(300, (i) => call('cases.list', { q: SEARCHES[i % SEARCHES.length], page: 1, pageSize: 50, ...(rng.chance(0.3) ? { caseType: 'penalty' } : {}) }));
    const maxId = (app.db.prepare('SELECT max(id) AS n FROM cases').get() as { n: number }).n;
    const detail = await timeMany(300, () => call('cases.get', { id: rng.int(1, maxId) }));
    const create = await timeMany(200, () =>
      call('cases.create', {
        caseType: 'penalty',
        procedure: 'ordinary',
        title: '基准测试案件',
        place: '船山区永兴镇',
        facts: '基准测试',
        openedOn: today,
        handlerIds: [officers[0], officers[1]],
        parties: [{ kind: 'person', name: '测试人' }],
      }),
    );
    const tVerify = performance.now();
    const verify = verifyAuditChain(app.db);
    const auditVerifyMs = performance.now() - tVerify;
    const figures = {
      size,
      fixtureBuildMs: Math.round(buildMs),
      openMs: Math.round(openMs * 10) / 10,
      listMs: summarise(list),
      searchMs: summarise(search),
      detailMs: summarise(detail),
      createMs: summarise(create),
      auditVerifyMs: Math.round(auditVerifyMs),
      auditEntries: verify.entries,
      auditOk: verify.ok,
    };
    const met = {
      list: figures.listMs.p95 < REGISTER_TARGETS.listP95,
      search: figures.searchMs.p95 < REGISTER_TARGETS.searchP95,
      detail: figures.detailMs.p95 < REGISTER_TARGETS.detailP95,
      open: figures.openMs < REGISTER_TARGETS.openMs,
      create: figures.createMs.p95 < REGISTER_TARGETS.createP95,
      auditVerify: figures.auditVerifyMs < REGISTER_TARGETS.auditVerifyMs,
    };
    return { bench: 'register', ...figures, targets: REGISTER_TARGETS, met };
  } finally {
    app.close();
  }
}

export const defaultBenchCache = (root: string) => join(root, '.bench-cache');
