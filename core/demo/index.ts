import { addDays, todayLocal } from '../../shared/logic/calendar.js';
import { makeCreditCode } from '../../shared/logic/check-digits.js';
import type { AppContext } from '../app.js';
import { dispatch } from '../dispatch.js';
import { UserError } from '../errors.js';
import { createRng } from './random.js';
import { seedReviews } from './review-seed.js';
import { seedDisclosures } from './disclosure-seed.js';
import { seedSupervision } from './supervision-seed.js';
import { seedMedia } from './media-seed.js';
import { createEarlyCases, liveThroughCases, type LivedCaseCounts } from './lived-cases-seed.js';
import { CASE_WINDOW_DAYS, seedCases, seedDevices, seedOfficers, seedUsers, sessionUserOf } from './seed-foundation.js';

export const DEMO_PASSWORD = 'Demo@2026';
/** The seed of the lived-through cases' random sequence (createEarlyCases, liveThroughCases). */
const PAST_YEAR_SEED = 20251231;

export interface DemoCounts {
  officers: number;
  users: number;
  devices: number;
  cases: number;
  voidedCases: number;
  archivedCases: number;
  /** The cases lived through from opening to 归档, or as far as today (liveThroughCases). */
  livedCases: LivedCaseCounts;
  reviews: Record<string, number>;
  disclosures: Awaited<ReturnType<typeof seedDisclosures>>;
  media: Awaited<ReturnType<typeof seedMedia>>;
  auditEntries: number;
  password: string;
}

/**
 * Fills an empty or freshly initialised data folder with a realistic, entirely synthetic bureau.
 * Everything goes through the same operations the UI uses, so the audit trail is realistic too.
 */
export async function runDemo(app: AppContext, password = DEMO_PASSWORD): Promise<DemoCounts> {
  if (app.repos.officers.list().length > 0 || (app.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n > 0) {
    throw new UserError('DEMO_NOT_EMPTY', '该数据文件夹中已有执法人员或案件。演示数据只能写入空的或刚初始化的数据文件夹，请换一个文件夹。');
  }
  if (app.repos.users.count() === 0) {
    const r = await dispatch(app, 'setup.initialize', {
      bureau: {
        name: '遂宁市林业局',
        unitAbbr: '遂林',
        creditCode: makeCreditCode('11510900MB0123456'),
        websiteName: '遂宁市林业局行政执法公示',
        address: '四川省遂宁市船山区遂州中路 166 号',
        phone: '0825-2222110',
      },
      admin: { username: 'admin', displayName: '系统管理员', password },
    });
    if (!r.ok) throw new UserError(r.error.code, r.error.message);
  }
  const adminName = app.repos.users.list().find((u) => u.roles.includes('admin') && !u.disabled)!.username;
  const admin = sessionUserOf(app, adminName);
  const rng = createRng();
  const today = todayLocal(app.now());
  const officerIds = await seedOfficers(app, admin, rng, today);
  const users = await seedUsers(app, admin, officerIds, password);
  const devices = await seedDevices(app, admin, officerIds, rng);
  const handlers = [users.zhifa1, users.zhifa2, users.zhifa3];
  // Last year's cases before the main seed's window come first, so their numbers run with their dates.
  // The lived-through cases draw from their own sequence: the others stay as they are whatever it holds.
  const pastRng = createRng(PAST_YEAR_SEED);
  const early = await createEarlyCases(app, handlers, officerIds, pastRng, today, addDays(today, -CASE_WINDOW_DAYS));
  const { cases, voided, past } = await seedCases(app, handlers, admin, officerIds, rng, today, 320);
  const livedCases = await liveThroughCases(app, [...early, ...past], pastRng, today);
  const reviews = await seedReviews(app, rng);
  const disclosures = await seedDisclosures(app);
  seedSupervision(app);
  // Last: it draws nothing from the random sequence the other seeds share.
  const media = await seedMedia(app, users.zhifa1, today);
  return {
    officers: officerIds.length,
    users: app.repos.users.count(),
    devices,
    cases: cases + early.length,
    voidedCases: voided,
    archivedCases: livedCases.archived,
    livedCases,
    reviews,
    disclosures,
    media,
    auditEntries: app.audit.head().entries,
    password,
  };
}
