import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkCatalogue,
  DEFAULT_CATALOGUE,
  evaluateCatalogue,
  matchRule,
  type CatalogueRule,
  type ProposalFacts,
  type ReviewCatalogue,
} from '../../shared/logic/review-catalogue.js';

const base: ProposalFacts = { caseType: 'penalty', procedure: 'ordinary', measures: [], amounts: [], flags: [] };
const p = (x: Partial<ProposalFacts>): ProposalFacts => ({ ...base, ...x });
const ids = (c: ReviewCatalogue, x: ProposalFacts) => evaluateCatalogue(c, x).matched.map((m) => m.ruleId);

function rule(x: Partial<CatalogueRule>): CatalogueRule {
  return { id: 'r', title: '规则', enabled: true, caseTypes: [], procedures: [], measures: [], amount: null, flags: [], requiresDiscussion: false, source: '', ...x };
}
const only = (...rules: CatalogueRule[]): ReviewCatalogue => ({ title: '测试目录', rules });

test('default catalogue: every ordinary-procedure penalty is major (seed 001), simple ones are not', () => {
  const r = evaluateCatalogue(DEFAULT_CATALOGUE, p({ measures: ['warning'] }));
  assert.equal(r.major, true);
  assert.deepEqual(r.matched.map((m) => m.ruleId), ['ordinary-penalty']);
  assert.match(r.matched[0].reason, /行政处罚；普通程序/);
  assert.equal(r.requiresDiscussion, false);
  assert.equal(evaluateCatalogue(DEFAULT_CATALOGUE, p({ procedure: 'simple', measures: ['fine'], amounts: [{ kind: 'person', fine: 200, confiscation: 0 }] })).major, false);
});

test('default catalogue: an inspection without measures is not major; a seizure is', () => {
  assert.equal(evaluateCatalogue(DEFAULT_CATALOGUE, p({ caseType: 'inspection' })).major, false);
  assert.deepEqual(ids(DEFAULT_CATALOGUE, p({ caseType: 'coercion', measures: ['seizure'] })), ['seizure']);
});

test('amount thresholds: equal to the threshold counts ("以上" 含本数), one fen below does not', () => {
  const c = only(rule({ id: 'amt', amount: { person: 10_000, organisation: 100_000, basis: 'fine' } }));
  assert.deepEqual(ids(c, p({ amounts: [{ kind: 'person', fine: 10_000, confiscation: 0 }] })), ['amt']);
  assert.deepEqual(ids(c, p({ amounts: [{ kind: 'person', fine: 9_999.99, confiscation: 0 }] })), []);
  assert.deepEqual(ids(c, p({ amounts: [{ kind: 'organisation', fine: 100_000, confiscation: 0 }] })), ['amt']);
  assert.deepEqual(ids(c, p({ amounts: [{ kind: 'organisation', fine: 99_999.99, confiscation: 0 }] })), []);
});

test('amount thresholds are separate for natural persons and organisations', () => {
  const c = only(rule({ id: 'amt', amount: { person: 10_000, organisation: 100_000, basis: 'fine' } }));
  // 50,000 is large for a person, small for a company.
  assert.deepEqual(ids(c, p({ amounts: [{ kind: 'person', fine: 50_000, confiscation: 0 }] })), ['amt']);
  assert.deepEqual(ids(c, p({ amounts: [{ kind: 'organisation', fine: 50_000, confiscation: 0 }] })), []);
  // Per party: one person over the line is enough, whatever the company gets.
  const mixed = p({ amounts: [{ kind: 'organisation', fine: 50_000, confiscation: 0 }, { kind: 'person', fine: 12_000, confiscation: 0 }] });
  const r = evaluateCatalogue(c, mixed);
  assert.equal(r.major, true);
  assert.match(r.matched[0].reason, /对自然人罚款 12,000 元，达到 10,000 元的标准/);
  // A null threshold never matches that kind of party.
  const personOnly = only(rule({ id: 'p', amount: { person: 1_000, organisation: null, basis: 'fine' } }));
  assert.deepEqual(ids(personOnly, p({ amounts: [{ kind: 'organisation', fine: 10_000_000, confiscation: 0 }] })), []);
});

test('amount basis: fine alone vs fine plus confiscation (罚没合计)', () => {
  const fineOnly = only(rule({ id: 'f', amount: { person: 10_000, organisation: 100_000, basis: 'fine' } }));
  const both = only(rule({ id: 'fc', amount: { person: 10_000, organisation: 100_000, basis: 'fineAndConfiscation' } }));
  const x = p({ amounts: [{ kind: 'person', fine: 6_000, confiscation: 4_000 }] });
  assert.deepEqual(ids(fineOnly, x), []);
  assert.deepEqual(ids(both, x), ['fc']);
  assert.match(evaluateCatalogue(both, x).matched[0].reason, /罚没合计 10,000 元/);
});

test('measures: any listed measure matches; flags likewise', () => {
  const c = only(rule({ id: 'm', measures: ['revokePermit', 'suspendBusiness'] }), rule({ id: 'f', flags: ['complex', 'crossArea'] }));
  assert.deepEqual(ids(c, p({ measures: ['fine', 'suspendBusiness'] })), ['m']);
  assert.deepEqual(ids(c, p({ measures: ['fine'] })), []);
  assert.deepEqual(ids(c, p({ flags: ['crossArea'] })), ['f']);
  assert.deepEqual(ids(c, p({ measures: ['revokePermit'], flags: ['complex'] })), ['m', 'f']);
  assert.match(evaluateCatalogue(c, p({ measures: ['revokePermit'] })).matched[0].reason, /拟作出吊销许可证件/);
});

test('combinations: every condition of a rule must hold (AND across, OR within)', () => {
  const c = only(rule({ id: 'combo', caseTypes: ['penalty'], procedures: ['ordinary'], measures: ['fine'], amount: { person: 5_000, organisation: 50_000, basis: 'fine' } }));
  const ok = p({ measures: ['fine'], amounts: [{ kind: 'person', fine: 5_000, confiscation: 0 }] });
  assert.deepEqual(ids(c, ok), ['combo']);
  assert.deepEqual(ids(c, { ...ok, procedure: 'simple' }), [], 'wrong procedure');
  assert.deepEqual(ids(c, { ...ok, caseType: 'coercion' }), [], 'wrong type');
  assert.deepEqual(ids(c, { ...ok, measures: ['warning'] }), [], 'measure missing');
  assert.deepEqual(ids(c, { ...ok, amounts: [{ kind: 'person', fine: 4_999, confiscation: 0 }] }), [], 'amount below');
  const r = evaluateCatalogue(c, ok);
  assert.equal(r.matched[0].reason, '行政处罚；普通程序；拟作出罚款；对自然人罚款 5,000 元，达到 5,000 元的标准（“以上”含本数）');
});

test('default catalogue: several rules at once, and which of them need collective discussion', () => {
  const r = evaluateCatalogue(
    DEFAULT_CATALOGUE,
    p({ measures: ['fine', 'revokePermit'], amounts: [{ kind: 'organisation', fine: 100_000, confiscation: 0 }], flags: ['hearingQualified'] }),
  );
  assert.deepEqual(r.matched.map((m) => m.ruleId), ['ordinary-penalty', 'revoke', 'large-amount', 'hearing']);
  assert.equal(r.requiresDiscussion, true);
  assert.deepEqual(r.matched.filter((m) => m.requiresDiscussion).map((m) => m.ruleId), ['revoke']);
});

test('disabled rules are skipped', () => {
  const c: ReviewCatalogue = { ...DEFAULT_CATALOGUE, rules: DEFAULT_CATALOGUE.rules.map((r) => ({ ...r, enabled: r.id !== 'ordinary-penalty' })) };
  assert.equal(evaluateCatalogue(c, p({ measures: ['warning'] })).major, false);
});

test('matchRule returns null for a rule without conditions (and checkCatalogue refuses it)', () => {
  assert.equal(matchRule(rule({}), base), null);
  assert.match(checkCatalogue(only(rule({}))).join(), /没有任何条件/);
});

test('checkCatalogue: duplicate ids, empty thresholds, the default is clean', () => {
  assert.deepEqual(checkCatalogue(DEFAULT_CATALOGUE), []);
  const problems = checkCatalogue(
    only(rule({ id: 'a', flags: ['complex'] }), rule({ id: 'a', flags: ['crossArea'] }), rule({ id: 'b', amount: { person: null, organisation: null, basis: 'fine' } })),
  );
  assert.equal(problems.length, 2);
  assert.match(problems[0], /编号“a”重复/);
  assert.match(problems[1], /都未填写/);
});
