// Validation messages name the field in Chinese: from the schema's own label, else the common
// name of its key; zod's generic wording (English type names) never reaches the clerk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ZodType } from 'zod';
import { contract, OP_NAMES } from '../../shared/contract/index.js';
import { fieldProblems, labelsAlong } from '../../shared/contract/issue-message.js';

const problems = (schema: ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  assert.equal(r.success, false);
  return r.success ? [] : fieldProblems(schema, r.error);
};
const ASCII_WORD = /[A-Za-z]{2,}/;

/** Every leaf path of a schema (array elements as index 0). */
function leafPaths(schema: unknown, path: (string | number)[] = []): (string | number)[][] {
  let s = schema as { _zod: { def: Record<string, unknown> & { type: string } } };
  for (let i = 0; i < 20; i++) {
    const d = s._zod.def;
    if (['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(d.type)) s = d.innerType as typeof s;
    else if (d.type === 'pipe') s = ((d.in as typeof s)._zod.def.type === 'transform' ? d.out : d.in) as typeof s;
    else break;
  }
  const d = s._zod.def;
  if (d.type === 'object') return Object.entries(d.shape as Record<string, unknown>).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  if (d.type === 'array') return leafPaths(d.element, [...path, 0]);
  return [path];
}

test('every input field of every operation has a Chinese name', () => {
  const missing: string[] = [];
  for (const name of OP_NAMES) {
    for (const leaf of leafPaths(contract[name].input)) {
      for (let n = 1; n <= leaf.length; n++) {
        const p = leaf.slice(0, n);
        if (typeof p[n - 1] === 'number') continue;
        const labels = labelsAlong(contract[name].input, p);
        if (labels.length < p.filter((k) => typeof k === 'string').length) missing.push(`${name}: ${p.join('.')}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

test('the annual manual figures name the group and the field, with no raw key', () => {
  const schema = contract['report.annualManual.save'].input;
  const counts = { received: 1, upheld: 0, revoked: 0, changed: 0, confirmedIllegal: 0, other: 0 };
  const [missingGroup] = problems(schema, { year: 2026, litigation: counts });
  assert.equal(missingGroup.field, 'reconsideration');
  assert.equal(missingGroup.message, '请填写行政复议');
  const [negative] = problems(schema, { year: 2026, reconsideration: { ...counts, upheld: -1 }, litigation: counts });
  assert.equal(negative.message, '行政复议·维持件数不能小于 0');
  const [sum] = problems(schema, { year: 2026, reconsideration: { ...counts, upheld: 2 }, litigation: counts });
  assert.match(sum.message, /^行政复议：.*合计不能超过收到的件数$/);
});

test('labels set by the field helpers lead; their own messages are kept as written', () => {
  const schema = contract['cases.create'].input;
  const ps = problems(schema, { caseType: 'nope', procedure: 'simple', title: ' ', openedOn: '2026/3/2', handlerIds: [], parties: [] });
  const by = new Map(ps.map((p) => [p.field, p.message]));
  assert.equal(by.get('title'), '请填写案由');
  assert.match(by.get('openedOn') ?? '', /^立案日期/);
  assert.match(by.get('caseType') ?? '', /^案件类型不在可选范围内/);
  for (const p of ps) {
    assert.doesNotMatch(p.message.replace(/YYYY-MM-DD/g, ''), ASCII_WORD, p.message);
    assert.ok(p.label, `${p.field} has a label`);
  }
});

test('a wrong type or a missing id reads as plain Chinese', () => {
  const [p] = problems(contract['cases.get'].input, {});
  assert.equal(p.message, '请填写记录编号');
  const [t] = problems(contract['cases.get'].input, { id: 'x' });
  assert.equal(t.message, '记录编号的格式不正确');
});
