import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contract, OP_NAMES } from '../../shared/contract/index.js';
import { ROLES } from '../../shared/roles.js';
import { CaseDraft } from '../../shared/contract/cases.js';
import { SETTINGS_SCHEMA } from '../../shared/settings.js';

test('every operation declares a schema, a kind, a Chinese title and valid roles', () => {
  assert.ok(OP_NAMES.length >= 30);
  for (const name of OP_NAMES) {
    const op = contract[name];
    assert.ok(op.input && typeof op.input.safeParse === 'function', name);
    assert.ok(['query', 'command', 'job'].includes(op.kind), name);
    assert.match(op.title, /[\u4e00-\u9fff]/, `${name} has a Chinese title`);
    if (Array.isArray(op.access)) for (const r of op.access) assert.ok((ROLES as readonly string[]).includes(r), `${name}: ${r}`);
    else assert.ok(op.access === 'anyone' || op.access === 'signed-in', name);
  }
  assert.deepEqual(OP_NAMES.filter((n) => contract[n].access === 'anyone').sort(), ['auth.login', 'setup.initialize', 'setup.status']);
});

test('the case draft schema: required fields, date format, Chinese messages', () => {
  const ok = CaseDraft.safeParse({
    caseType: 'penalty', procedure: 'simple', title: '案由', openedOn: '2026-03-02', handlerIds: [1], parties: [{ kind: 'person', name: '张三' }],
  });
  assert.equal(ok.success, true);
  assert.equal(ok.success && ok.data.parties[0].isMinor, false, 'defaults applied');
  const bad = CaseDraft.safeParse({ caseType: 'fine', procedure: 'simple', title: ' ', openedOn: '2026/3/2', handlerIds: [], parties: [] });
  assert.equal(bad.success, false);
  const fields = bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'));
  for (const f of ['caseType', 'title', 'openedOn', 'handlerIds', 'parties']) assert.ok(fields.includes(f), f);
  const messages = bad.success ? [] : bad.error.issues.map((i) => i.message);
  assert.ok(messages.every((m) => /[\u4e00-\u9fff]/.test(m)), `Chinese messages: ${messages.join(' / ')}`);
});

test('settings defaults and limits', () => {
  const d = SETTINGS_SCHEMA.parse({});
  assert.equal(d.caseNumberPattern, '{unit}{type}〔{year}〕{seq}号');
  assert.equal(d.failedLoginLimit, 5);
  assert.equal(d.lockoutMinutes, 15);
  assert.equal(d.certificateWarningDays, 60);
  assert.equal(SETTINGS_SCHEMA.safeParse({ sessionIdleMinutes: 0 }).success, false);
});
