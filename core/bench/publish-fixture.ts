import { cachedFixture } from './cached-fixture.js';
import { join } from 'node:path';
import type { SessionUser } from '../accounts/sessions.js';
import { authenticate } from '../accounts/login.js';
import { addDays } from '../../shared/logic/calendar.js';
import { makeCreditCode } from '../../shared/logic/check-digits.js';
import { openApp, type AppContext } from '../app.js';
import { dispatch } from '../dispatch.js';
import { organisation, person, place } from '../demo/people.js';
import { createRng, type Rng } from '../demo/random.js';
import { FOREST_SPECIES } from '../demo/vocabulary.js';

export const PUBLISH_FIXTURE_VERSION = 2;
export const PUBLISH_BENCH_PASSWORD = 'Bench@2026';

async function call<T>(app: AppContext, user: SessionUser, op: string, input: unknown): Promise<T> {
  const r = await dispatch(app, op, input, { user });
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.value as T;
}

/** A decision's full text (决定书全文) with the personal data a real one carries. */
function fullText(rng: Rng, p: ReturnType<typeof person>, no: string, on: string, fine: number): string {
  const species = rng.pick(FOREST_SPECIES);
  const who =
    p.kind === 'person'
      ? `当事人：${p.name}，男，汉族，公民身份号码${p.idNumber}，住址：${p.address}，联系电话${p.phone}。`
      : `当事人：${p.name}，统一社会信用代码${p.creditCode}，住所：遂宁市船山区物流港${rng.int(1, 99)}号，法定代表人：${p.legalRep}。`;
  return [
    `${no}`,
    who,
    `经查，当事人于${on.slice(0, 4)}年在${place(rng)}未经批准擅自采伐${species}${rng.int(3, 60)}株，林木蓄积${rng.int(1, 30)}.${rng.int(0, 9)}立方米。以上事实有现场勘验笔录、询问笔录、证人${rng.pick(['李德明', '王秀英', '陈国强'])}的证言等证据证实。`,
    `本局认为，当事人的行为违反了《中华人民共和国森林法》第五十六条的规定。依据《中华人民共和国森林法》第七十六条第二款，决定对当事人处以罚款人民币${fine.toFixed(2)}元，并责令补种滥伐株数五倍的树木。`,
    '罚款自收到本决定书之日起十五日内缴至指定银行。如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者在六个月内向人民法院提起行政诉讼。',
  ].join('\n');
}

/**
 * A bureau with `items` approved results (regenerated PDFs included), made through the real
 * services, built once into `cacheDir` (it takes minutes: each approval renders a PDF) and reused.
 */
export async function publishFixture(cacheDir: string, items: number, log: (s: string) => void = () => {}): Promise<string> {
  const want = JSON.stringify({ version: PUBLISH_FIXTURE_VERSION, items });
  return cachedFixture(join(cacheDir, `publish-${items}`), want, (dir) => build(dir, items, log));
}

async function build(dir: string, items: number, log: (s: string) => void): Promise<void> {
  const app = openApp({ dataDir: dir, create: true });
  try {
    app.db.pragma('synchronous = OFF');
    const init = await dispatch(app, 'setup.initialize', {
      bureau: { name: '遂宁市林业局', unitAbbr: '遂林', creditCode: makeCreditCode('11510900MB0123456'), websiteName: '遂宁市林业局行政执法公示', address: '四川省遂宁市船山区遂州中路166号', phone: '0825-2222110' },
      admin: { username: 'admin', displayName: '系统管理员', password: PUBLISH_BENCH_PASSWORD },
    });
    if (!init.ok) throw new Error(init.error.message);
    const admin = authenticate(app, 'admin', PUBLISH_BENCH_PASSWORD).user;
    const officers: number[] = [];
    for (const [i, name] of ['王建国', '李秀英'].entries()) {
      officers.push((await call<{ id: number }>(app, admin, 'officers.create', { name, unit: '遂宁市林业局', certNo: `5109002026${i}`, certValidUntil: '2035-12-31', category: '林业', region: '船山区' })).id);
    }
    for (const [u, roles, officerId] of [['zhifa', ['officer'], officers[0]], ['gongkai', ['publisher'], null], ['gongkai2', ['publisher'], null]] as const) {
      await call(app, admin, 'users.create', { username: u, displayName: u, roles, password: PUBLISH_BENCH_PASSWORD, officerId });
    }
    const officer = authenticate(app, 'zhifa', PUBLISH_BENCH_PASSWORD).user;
    const publisher = authenticate(app, 'gongkai', PUBLISH_BENCH_PASSWORD).user;
    const rng = createRng(61);
    const t0 = Date.now();
    for (let i = 0; i < items; i++) {
      const kind = i % 20 < 14 ? 'penalty' : i % 20 < 17 ? 'permit' : 'inspection';
      const p = rng.chance(0.4) ? person(rng) : organisation(rng);
      const on = addDays('2026-06-30', -rng.int(0, 5 * 365));
      const c = await call<{ id: number }>(app, officer, 'cases.create', {
        caseType: kind,
        procedure: 'ordinary',
        title: `${p.name}${kind === 'penalty' ? '滥伐林木案' : kind === 'permit' ? '林木采伐许可申请' : '林业行政检查'}`,
        place: place(rng),
        facts: `经查，${p.name}在${place(rng)}采伐林木。`,
        openedOn: addDays(on, -20),
        handlerIds: officers,
        parties: [{ ...p, isMinor: false }],
      });
      const fine = kind === 'penalty' ? rng.int(5, 500) * 100 : 0;
      const no = `遂林${kind === 'penalty' ? '罚' : kind === 'permit' ? '许' : '检'}决字〔${on.slice(0, 4)}〕第${i + 1}号`;
      const d = await call<{ id: number }>(app, officer, 'disclosure.createFromCase', {
        caseId: c.id,
        result: {
          decisionNo: no,
          decidedOn: on,
          category: kind === 'penalty' ? '罚款' : kind === 'permit' ? '林木采伐许可' : '行政检查',
          basis: '《中华人民共和国森林法》第七十六条第二款',
          content: kind === 'penalty' ? `处罚款人民币${fine.toFixed(2)}元，并责令补种树木。` : '准予许可。',
          fine: kind === 'penalty' ? fine : null,
          fullText: kind === 'penalty' ? fullText(rng, p, no, on, fine) : '',
        },
      });
      await call(app, officer, 'disclosure.submit', { id: d.id });
      await call(app, publisher, 'disclosure.approve', { id: d.id });
      if ((i + 1) % 200 === 0) log(`生成公示基准数据 ${i + 1}/${items}（${Math.round((Date.now() - t0) / 1000)} 秒）`);
    }
    app.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    app.close();
  }
}
