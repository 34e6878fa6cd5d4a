import { STAGES, type CaseType, type Procedure, type Stage } from '../../shared/domain.js';
import { addDays } from '../../shared/logic/calendar.js';
import { hashPassword } from '../accounts/passwords.js';
import type { SessionUser } from '../accounts/sessions.js';
import type { AppContext } from '../app.js';
import { dispatch } from '../dispatch.js';
import type { Role } from '../../shared/roles.js';
import { organisation, person, personName, place } from './people.js';
import type { Rng } from './random.js';
import { onDay } from './review-seed.js';
import { CASE_TEMPLATES, FOREST_SPECIES, OFFICER_CATEGORIES, OFFICER_POSITIONS } from './vocabulary.js';

/** Calls an operation as `user` and throws with the Chinese message on failure (demo data must be valid). */
export async function must<T = unknown>(app: AppContext, user: SessionUser, op: string, input: unknown): Promise<T> {
  const r = await dispatch(app, op, input, { user });
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.value as T;
}

export function sessionUserOf(app: AppContext, username: string): SessionUser {
  const u = app.repos.users.byUsername(username)!;
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, officerId: u.officerId };
}

export async function seedOfficers(app: AppContext, admin: SessionUser, rng: Rng, today: string): Promise<number[]> {
  const ids: number[] = [];
  const unit = app.repos.bureau.get()!.name;
  for (let i = 0; i < 24; i++) {
    // Two certificates expire within the warning window, one has expired: the dashboard shows them.
    const validUntil = i === 5 ? addDays(today, 25) : i === 11 ? addDays(today, 50) : i === 17 ? addDays(today, -20) : addDays(today, rng.int(200, 1500));
    const o = await must<{ id: number }>(app, admin, 'officers.create', {
      name: personName(rng),
      unit: i < 16 ? unit : `${unit}${rng.pick(['执法大队', '森林防火股', '野生动植物保护股'])}`,
      position: rng.pick(OFFICER_POSITIONS),
      certNo: `51090${String(20260000 + i * 37 + rng.int(0, 30)).padStart(9, '0')}`,
      certValidUntil: validUntil,
      category: rng.pick(OFFICER_CATEGORIES),
      region: rng.pick(['船山区', '安居区', '射洪市', '蓬溪县', '大英县', '遂宁市全域']),
      phone: `0825-${2200000 + i * 13}`,
      officerNo: String(880100 + i),
      status: i === 23 ? 'left' : 'active',
    });
    ids.push(o.id);
  }
  return ids;
}

export async function seedUsers(app: AppContext, admin: SessionUser, officerIds: number[], password: string): Promise<Record<string, SessionUser>> {
  const people: { username: string; displayName: string; roles: Role[]; officerIndex?: number; reviewerQualified?: boolean }[] = [
    { username: 'zhifa1', displayName: '', roles: ['officer'], officerIndex: 0 },
    { username: 'zhifa2', displayName: '', roles: ['officer'], officerIndex: 1 },
    { username: 'zhifa3', displayName: '', roles: ['officer'], officerIndex: 2 },
    { username: 'shenhe', displayName: '法制审核员', roles: ['reviewer'], reviewerQualified: true },
    { username: 'shenhe2', displayName: '法制审核员（二）', roles: ['reviewer', 'officer'], officerIndex: 3, reviewerQualified: true },
    { username: 'fuzeren', displayName: '分管负责人', roles: ['head'] },
    { username: 'gongkai', displayName: '信息公开员', roles: ['publisher'] },
    { username: 'shenji', displayName: '审计员', roles: ['auditor'] },
  ];
  const out: Record<string, SessionUser> = {};
  for (const p of people) {
    const officerId = p.officerIndex === undefined ? null : officerIds[p.officerIndex];
    const displayName = p.displayName || app.repos.officers.get(officerId!)!.name;
    await must(app, admin, 'users.create', {
      username: p.username,
      displayName,
      roles: p.roles,
      password,
      officerId,
      reviewerQualified: !!p.reviewerQualified,
    });
    // Demo accounts may sign in straight away with the demo password.
    app.repos.users.setPassword(app.repos.users.byUsername(p.username)!.id, hashPassword(password), false, app.now().toISOString());
    out[p.username] = sessionUserOf(app, p.username);
  }
  return out;
}

export async function seedDevices(app: AppContext, admin: SessionUser, officerIds: number[], rng: Rng): Promise<number> {
  const models = ['DSJ-T9', 'DSJ-V7', 'ZFY-X3', 'HX-BC800'];
  for (let i = 0; i < 10; i++) {
    await must(app, admin, 'devices.create', {
      serial: `${rng.pick(['SN', 'ZFY', 'DSJ'])}${String(51090000 + i * 17).padStart(8, '0')}`,
      model: rng.pick(models),
      officerId: officerIds[i % 16],
      notes: i === 9 ? '备用机，存放于执法大队办公室' : '',
    });
  }
  return 10;
}

const TYPE_WEIGHTS: [CaseType, number][] = [
  ['penalty', 45], ['inspection', 20], ['permit', 15], ['coercion', 8], ['levy', 5], ['confirmation', 4], ['other', 3],
];

function pickType(rng: Rng): CaseType {
  let r = rng.int(1, 100);
  for (const [t, w] of TYPE_WEIGHTS) if ((r -= w) <= 0) return t;
  return 'penalty';
}

/** What a new demo case is about: type, template, procedure, party, place and facts (drawn in this order). */
export function draftCase(rng: Rng, openedOn: () => string) {
  const caseType = pickType(rng);
  const t = rng.pick(CASE_TEMPLATES[caseType]);
  const procedure: Procedure = caseType === 'penalty' && rng.chance(0.2) ? 'simple' : 'ordinary';
  const opened = openedOn();
  const party = caseType === 'inspection' || rng.chance(0.35) ? organisation(rng) : person(rng);
  const where = place(rng);
  const facts = t.facts
    .replaceAll('{party}', party.name)
    .replaceAll('{place}', where)
    .replaceAll('{species}', rng.pick(FOREST_SPECIES))
    .replaceAll('{area}', (rng.int(5, 300) / 10).toFixed(1))
    .replaceAll('{volume}', (rng.int(8, 400) / 10).toFixed(1));
  return { caseType, procedure, openedOn: opened, title: `${party.name}${t.title}`, place: where, facts, party };
}

/** How far back (days) seedCases opens cases. */
export const CASE_WINDOW_DAYS = 420;

/** A case the demo lives through (`liveThroughCases`): decision, disclosure, 结案, 归档 on its own dates. */
export interface PastCase {
  id: number;
  /** The demo officer who works on it. */
  user: SessionUser;
  /** A 现场勘验笔录 is made on the day it is opened. */
  siteRecord: boolean;
}

/** Cases opened in the last `RECENT_DAYS` days are still being investigated or reviewed. */
export const RECENT_DAYS = 45;
/** The share of this year's older cases that stalled before their decision (the 办案期限 alerts). */
const STALLED_SHARE = 0.04;

/** One case of `seedCases`, drawn before any is created (so they can be created in date order). */
interface CasePlan {
  draft: ReturnType<typeof draftCase>;
  user: SessionUser;
  handlerIds: number[];
  voided: boolean;
  lived: boolean;
  siteRecord: boolean;
  /** Stages entered by hand (cases not lived through), with their dates. */
  stages: { stage: Stage; on: string }[];
}

/** Draws every case of `seedCases` (type, dates, handlers, the stages it is taken to) before any is created. */
function planCases(handlersByUser: SessionUser[], activeOfficers: number[], rng: Rng, today: string, count: number): CasePlan[] {
  const thisYear = `${today.slice(0, 4)}-01-01`;
  const recentFrom = addDays(today, -RECENT_DAYS);
  const decisionStage = STAGES.indexOf('decision');
  const plans: CasePlan[] = [];
  for (let i = 0; i < count; i++) {
    const draft = draftCase(rng, () => addDays(today, -rng.int(0, CASE_WINDOW_DAYS)));
    const { procedure, openedOn } = draft;
    const stalled = openedOn >= thisYear && openedOn < recentFrom && rng.chance(STALLED_SHARE);
    const lived = openedOn < recentFrom && !stalled;
    const first = rng.pick(activeOfficers);
    const second = rng.pick(activeOfficers.filter((o) => o !== first));
    const user = rng.pick(handlersByUser);
    // The demo officer who works on the case is its lead handler (only handlers may change a case).
    const lead = user.officerId!;
    const handlerIds = procedure === 'simple' ? [lead] : [lead, first !== lead ? first : second];
    const plan: CasePlan = { draft, user, handlerIds, voided: rng.chance(0.015), lived, siteRecord: false, stages: [] };
    plans.push(plan);
    if (plan.voided) continue;
    // Older cases have progressed further; a stage entry every few working days.
    const age = Math.round((Date.parse(today) - Date.parse(openedOn)) / 86_400_000);
    const reach = Math.min(STAGES.length - 1, Math.floor((age / CASE_WINDOW_DAYS) * STAGES.length + rng.next() * 2));
    let date = openedOn;
    plan.siteRecord = rng.chance(0.3);
    for (let s = 1; s <= reach; s++) {
      const stage = STAGES[s] as Stage;
      if (stage === 'review' && procedure === 'simple') continue;
      date = addDays(date, rng.int(1, Math.max(1, Math.floor(age / (reach + 1)))));
      if (date > today) break;
      // Lived cases draw the same numbers but take no steps here; the others stop before 决定.
      if (!lived && s < decisionStage) plan.stages.push({ stage, on: date });
    }
  }

  return plans;
}

/**
 * Cases of every type over the last 14 months, each created on its opening day through the
 * services, in date order (so their numbers run with their dates). Cases opened more than
 * `RECENT_DAYS` ago are returned in `past`: `liveThroughCases` takes them through legal review,
 * decision, disclosure, 结案 and 归档 on their own dates, so every case past 决定 has its recorded
 * decision. The recent cases, and a few of this year's older ones that stalled, are taken through the
 * early stages only (立案, 调查取证, 法制审核); the review and disclosure seeds decide some of them.
 * The random draws are the same whichever way a case goes.
 */
export async function seedCases(
  app: AppContext,
  handlersByUser: SessionUser[],
  admin: SessionUser,
  officerIds: number[],
  rng: Rng,
  today: string,
  count = 320,
): Promise<{ cases: number; voided: number; past: PastCase[] }> {
  const activeOfficers = activeOfficerIds(app, officerIds, today);
  const plans = planCases(handlersByUser, activeOfficers, rng, today, count);
  const onItsDay = <T>(date: string, fn: () => Promise<T>) => (date < today ? onDay(app, date, fn) : fn());
  const past: PastCase[] = [];
  let voided = 0;
  const inDateOrder = plans.map((p, i) => ({ p, i })).sort((x, y) => x.p.draft.openedOn.localeCompare(y.p.draft.openedOn) || x.i - y.i);
  for (const { p } of inDateOrder) {
    const { party, place: where, ...fields } = p.draft;
    const openedOn = fields.openedOn;
    const created = await onItsDay(openedOn, () =>
      must<{ id: number }>(app, p.user, 'cases.create', { ...fields, place: where, handlerIds: p.handlerIds, parties: [party] }),
    );
    if (p.voided) {
      await onItsDay(openedOn, () => must(app, admin, 'cases.void', { id: created.id, reason: '立案登记时案件类型选择错误，已重新立案。' }));
      voided++;
      continue;
    }
    if (p.lived) {
      past.push({ id: created.id, user: p.user, siteRecord: p.siteRecord });
      continue;
    }
    if (p.siteRecord) {
      await onItsDay(openedOn, () =>
        must(app, p.user, 'cases.addRecord', {
          caseId: created.id,
          title: '现场勘验笔录',
          body: `${openedOn} 执法人员在${where}进行现场勘验，当事人在场。勘验情况：${fields.facts.slice(0, 60)}……`,
        }),
      );
    }
    for (const { stage, on } of p.stages) await onItsDay(on, () => must(app, p.user, 'cases.advanceStage', { id: created.id, stage, enteredOn: on, note: '' }));
  }
  return { cases: count, voided, past };
}

/** Officers who may handle a case today: in post, with a valid certificate. */
export function activeOfficerIds(app: AppContext, officerIds: number[], today: string): number[] {
  return officerIds.filter((id) => {
    const o = app.repos.officers.get(id)!;
    return o.status === 'active' && o.certValidUntil >= today;
  });
}
