import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAuditChain } from '../../core/audit/audit-log.js';
import { makeTestApp, officerInput } from '../helpers/app.js';

async function appWithHistory() {
  const t = await makeTestApp();
  for (let i = 0; i < 5; i++) await t.call('officers.create', officerInput(`人员${i}`));
  return t;
}

test('the audit chain verifies after normal work', async () => {
  const t = await appWithHistory();
  const r = verifyAuditChain(t.app.db);
  assert.equal(r.ok, true);
  assert.ok(r.entries >= 6);
  assert.equal(r.firstBad, null);
  t.close();
});

test('rows written by the system (no user) and with Chinese, quotes and separators verify', async () => {
  const t = await appWithHistory();
  t.app.db.transaction(() => {
    t.app.audit.append({ userId: null, username: 'system', operation: 'backup.scheduled', objectType: 'backup', objectId: 7, summary: { note: '定时备份 "D:\\备份" \u001f ok' } });
    t.app.audit.append({ userId: 1, username: 'admin', operation: 'x', objectType: 'case', objectId: '遂林罚〔2026〕1号', summary: '' });
  })();
  assert.equal(verifyAuditChain(t.app.db).ok, true);
  t.close();
});

test('UPDATE and DELETE on the audit log are blocked', async () => {
  const t = await appWithHistory();
  assert.throws(() => t.app.db.prepare(`UPDATE audit_log SET username = 'x' WHERE id = 2`).run(), /append-only/);
  assert.throws(() => t.app.db.prepare(`DELETE FROM audit_log WHERE id = 2`).run(), /append-only/);
  t.close();
});

test('editing a row (with the trigger dropped) is found at that row', async () => {
  const t = await appWithHistory();
  t.app.db.exec('DROP TRIGGER audit_log_no_update');
  t.app.db.prepare(`UPDATE audit_log SET summary = '{"forged":true}' WHERE id = 3`).run();
  const r = verifyAuditChain(t.app.db);
  assert.equal(r.ok, false);
  assert.equal(r.firstBad, 3);
  assert.match(r.problem!, /被修改/);
  t.close();
});

test('deleting a row in the middle is found at the gap', async () => {
  const t = await appWithHistory();
  t.app.db.exec('DROP TRIGGER audit_log_no_delete');
  t.app.db.prepare(`DELETE FROM audit_log WHERE id = 4`).run();
  const r = verifyAuditChain(t.app.db);
  assert.equal(r.ok, false);
  assert.equal(r.firstBad, 4);
  assert.match(r.problem!, /缺失/);
  t.close();
});

test('deleting the newest rows is found through the chain head', async () => {
  const t = await appWithHistory();
  const n = t.app.audit.head().entries;
  t.app.db.exec('DROP TRIGGER audit_log_no_delete');
  t.app.db.prepare(`DELETE FROM audit_log WHERE id = ?`).run(n);
  const r = verifyAuditChain(t.app.db);
  assert.equal(r.ok, false);
  assert.equal(r.firstBad, n);
  t.close();
});

test('rewriting a row and re-hashing it is still found at the next row', async () => {
  const t = await appWithHistory();
  t.app.db.exec('DROP TRIGGER audit_log_no_update');
  // An attacker who recomputes the row's own hash still breaks the link to the following row.
  t.app.db.prepare(`UPDATE audit_log SET summary = '{}', hash = ? WHERE id = 2`).run('f'.repeat(64));
  const r = verifyAuditChain(t.app.db);
  assert.equal(r.ok, false);
  assert.equal(r.firstBad, 2);
  t.close();
});
