import { join } from 'node:path';
import { todayLocal } from '../../shared/logic/calendar.js';
import type { DisclosureDetail, PublishJobStatus } from '../../shared/disclosure-types.js';
import type { SessionUser } from '../accounts/sessions.js';
import type { AppContext } from '../app.js';
import { UserError } from '../errors.js';
import { onDay } from './review-seed.js';
import { must, sessionUserOf } from './seed-foundation.js';

export interface DisclosureSeedCounts {
  draft: number;
  pending: number;
  approved: number;
  published: number;
  withdrawn: number;
  superseded: number;
  notices: number;
  site: string;
}

interface Candidate {
  id: number;
  caseType: 'penalty' | 'permit' | 'inspection';
  openedOn: string;
  lastStageOn: string | null;
}

type Drafted = DisclosureDetail & { decidedOn: string };

const DECISION_TYPE = { penalty: 'penalty', permit: 'permit', inspection: 'other' } as const;

const CONTENT: Record<string, { category: string; basis: string; content: (n: number) => string }> = {
  penalty: { category: '罚款', basis: '《中华人民共和国森林法》第七十六条、第七十八条', content: (n) => `处罚款人民币${(n * 370 + 800).toFixed(2)}元，并责令限期恢复植被和林业生产条件。` },
  permit: { category: '林木采伐许可', basis: '《中华人民共和国森林法》第五十六条', content: () => '准予按申请的地点、面积、蓄积和树种采伐。' },
  inspection: { category: '林业行政检查', basis: '《中华人民共和国森林法》第六十六条', content: () => '检查未发现违法行为，已当场告知检查结果。' },
};

/**
 * Disclosures in every state for `sanxiang demo`, after the lived-through cases have published
 * their decisions (lived-cases-seed.ts) on a local folder site (`<data>/公示网站预览`): the
 * notices, a correction (so one version is superseded), a withdrawal awaiting take-down, approved
 * items waiting for the next publish, items waiting for approval, drafts (one past its
 * 7-working-day deadline). Each result comes from a decision recorded through decisions.record.
 */
export async function seedDisclosures(app: AppContext): Promise<DisclosureSeedCounts> {
  if (!app.repos.users.byUsername('zhifa1') || !app.repos.users.byUsername('gongkai')) {
    throw new UserError('DEMO_ORDER', '请先写入基础演示数据（执法人员与账号），再生成公示演示数据。');
  }
  const officer = sessionUserOf(app, 'zhifa1');
  const publisher = sessionUserOf(app, 'gongkai');
  const admin = sessionUserOf(app, app.repos.users.list().find((u) => u.roles.includes('admin') && !u.disabled)!.username);
  const today = todayLocal(app.now());
  const head = sessionUserOf(app, 'fuzeren');
  // Every draft comes from a decision recorded through the real service (decisions.record makes the
  // draft), so the 工作台 disclosure alerts, the disclosure ledger and 公示's 逾期 tab agree. The
  // cases are still under investigation, decided in the last working days (one 12 working days ago,
  // past its deadline).
  const fresh = (
    app.db
      .prepare(
        `SELECT c.id, c.case_type AS caseType, c.opened_on AS openedOn,
                (SELECT max(s.entered_on) FROM case_stages s WHERE s.case_id = c.id) AS lastStageOn
         FROM cases c
         WHERE c.status = 'active' AND c.case_type IN ('penalty','permit','inspection') AND c.stage IN ('filing','investigation','review')
           AND EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.is_minor = 0)
           AND NOT EXISTS (SELECT 1 FROM disclosure_items d WHERE d.case_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id)
         ORDER BY c.opened_on DESC, c.id DESC`,
      )
      .all() as Candidate[]
  );

  let n = 0;
  /** Records the case's decision on `decidedOn` as the head; the draft it starts, or null when the case cannot be decided. */
  const decide = async (c: Candidate, decidedOn: string): Promise<DisclosureDetail | null> => {
    n++;
    const k = CONTENT[c.caseType];
    const party = app.repos.cases.parties(c.id).find((p) => !p.isMinor)!;
    const fine = c.caseType === 'penalty' ? n * 370 + 800 : 0;
    try {
      await onDay(app, decidedOn, () =>
        must(app, head, 'decisions.record', {
          caseId: c.id,
          decidedOn,
          decisionType: DECISION_TYPE[c.caseType],
          content: k.content(n),
          measures: fine ? ['fine'] : [],
          amounts: fine ? [{ partyId: party.id, fine }] : [],
          legalBasis: k.basis,
        }),
      );
    } catch {
      return null; // e.g. a decision the catalogue sends to 法制审核 first
    }
    const item = app.db.prepare('SELECT id FROM disclosure_items WHERE case_id = ? ORDER BY id DESC LIMIT 1').get(c.id) as { id: number } | undefined;
    return item ? must(app, officer, 'disclosure.get', { id: item.id }) : null;
  };
  /** Drafts for up to `count` of `cases`, each decided on the date `on` gives it (skipping cases it gives none). */
  const draftsFor = async (cases: Candidate[], count: number, on: (c: Candidate, i: number) => string | null): Promise<Drafted[]> => {
    const out: Drafted[] = [];
    for (const c of cases) {
      if (out.length >= count) break;
      const date = on(c, out.length);
      const d = date ? await decide(c, date) : null;
      if (d?.check.ok) out.push({ ...d, decidedOn: date! });
    }
    return out;
  };
  const calendar = app.calendar();
  const recent = (c: Candidate, daysAgo: number) => {
    const on = calendar.addWorkdays(today, -daysAgo);
    return on >= c.openedOn && on >= (c.lastStageOn ?? c.openedOn) ? on : null;
  };
  const approve = async (id: number) => {
    await must(app, officer, 'disclosure.submit', { id });
    await must(app, publisher, 'disclosure.approve', { id, note: '已核对脱敏' });
  };

  const target = await demoSiteTarget(app, admin);
  const publish = async () => {
    const r = await must<PublishJobStatus>(app, publisher, 'publish.run', { targetId: target.id, wait: true });
    if (r.state !== 'done') throw new UserError(r.error?.code ?? 'DEMO_PUBLISH', r.error?.message ?? '演示网站发布失败');
  };
  const notices = await seedNotices(app, officer);
  for (const id of notices) await approve(id);
  await publish();
  // The two latest published decisions: one corrected, one revoked on reconsideration today.
  const live = app.db
    .prepare(`SELECT id FROM disclosure_items WHERE state = 'published' AND kind = 'penalty' ORDER BY first_published_at DESC, id DESC LIMIT 2`)
    .pluck()
    .all() as number[];
  if (live.length >= 2) {
    const v2 = await must<DisclosureDetail>(app, officer, 'disclosure.correct', { id: live[0], note: '原公示中处罚内容的表述有误，已按决定书原文更正。' });
    await approve(v2.id);
    await publish();
    await must(app, publisher, 'disclosure.withdraw', { id: live[1], event: 'revoked', eventOn: today, reason: '经行政复议，原处罚决定被撤销。' });
  }
  for (const d of await draftsFor(fresh, 2, (c, i) => recent(c, 5 + i))) await approve(d.id);
  for (const d of await draftsFor(fresh, 2, (c, i) => recent(c, 3 + i))) await must(app, officer, 'disclosure.submit', { id: d.id });
  await draftsFor(fresh, 1, (c) => recent(c, 12));
  await draftsFor(fresh, 2, (c, i) => recent(c, 1 + i));

  const count = (state: string) => (app.db.prepare('SELECT count(*) AS n FROM disclosure_items WHERE state = ?').get(state) as { n: number }).n;
  return {
    draft: count('draft'),
    pending: count('pending'),
    approved: count('approved'),
    published: count('published'),
    withdrawn: count('withdrawn'),
    superseded: count('superseded'),
    notices: notices.length,
    site: join(app.dataDir, '公示网站预览', 'current'),
  };
}

/** The demo's website: a local folder (`<data>/公示网站预览`), made the first time it is asked for. */
export async function demoSiteTarget(app: AppContext, admin: SessionUser): Promise<{ id: number }> {
  const name = '本机预览文件夹';
  const existing = (await must<{ id: number; name: string }[]>(app, admin, 'publish.targets.list', {})).find((t) => t.name === name);
  return existing ?? must<{ id: number }>(app, admin, 'publish.targets.save', { name, kind: 'folder', folderPath: join(app.dataDir, '公示网站预览') });
}

/** The roster, a powers list, a service guide and complaint channels (last year's statistics come with its report, past-year-report.ts). */
async function seedNotices(app: AppContext, officer: ReturnType<typeof sessionUserOf>): Promise<number[]> {
  const bureau = app.repos.bureau.get()!;
  const inputs = [
    { kind: 'roster', title: `${bureau.name}行政执法人员名单` },
    {
      kind: 'powers',
      title: `${bureau.name}行政执法权责清单`,
      notice: {
        table: {
          caption: '行政执法事项清单',
          columns: ['事项名称', '权力类别', '设定依据', '实施主体'],
          rows: [
            ['对滥伐林木的处罚', '行政处罚', '《中华人民共和国森林法》第七十六条', bureau.name],
            ['对擅自改变林地用途的处罚', '行政处罚', '《中华人民共和国森林法》第七十三条', bureau.name],
            ['林木采伐许可证核发', '行政许可', '《中华人民共和国森林法》第五十六条', bureau.name],
            ['森林防火检查', '行政检查', '《森林防火条例》第二十四条', bureau.name],
          ],
        },
      },
    },
    {
      kind: 'guide',
      title: '林木采伐许可证核发服务指南',
      notice: {
        sections: [
          { heading: '设定依据', text: '《中华人民共和国森林法》第五十六条；《中华人民共和国森林法实施条例》。' },
          { heading: '申请材料', text: '1. 林木采伐申请表；\n2. 林木权属证明；\n3. 采伐作业设计（按规定需要的）。' },
          { heading: '办理时限', text: '法定时限二十个工作日，承诺时限五个工作日。' },
          { heading: '收费标准', text: '不收费。' },
          { heading: '办理流程', text: '申请 → 受理 → 审查（含现场查验）→ 决定 → 送达。' },
        ],
      },
    },
    {
      kind: 'channels',
      title: '行政执法投诉举报渠道',
      notice: { sections: [{ heading: '投诉举报电话', text: `${bureau.phone || '（请在单位信息中填写）'}，工作日 9:00—17:00。` }, { heading: '来信地址', text: bureau.address || '（请在单位信息中填写）' }] },
    },
  ];
  const ids: number[] = [];
  for (const input of inputs) ids.push((await must<{ id: number }>(app, officer, 'disclosure.createNotice', input)).id);
  return ids;
}
