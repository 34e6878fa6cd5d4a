import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CASE_TYPES } from '../../shared/domain.js';
import { makeTestApp } from '../helpers/app.js';

/** Every combination of list filters must be served by an index: no full scan of cases. */
test('case list queries never scan the cases table', async () => {
  const t = await makeTestApp();
  const q = t.app.repos.caseQueries;
  const filters = {
    caseType: 'penalty',
    stage: 'review',
    status: 'active',
    handlerId: 1,
    openedFrom: '2026-01-01',
    openedTo: '2026-06-30',
    overdue: true,
    open: true,
  } as const;
  const keys = Object.keys(filters) as (keyof typeof filters)[];
  const searches = [undefined, '张伟', '滥伐林木', '船山 永兴镇'];
  let checked = 0;
  for (let mask = 0; mask < 1 << keys.length; mask++) {
    for (const text of searches) {
      const query: Record<string, unknown> = { page: 1, pageSize: 50 };
      keys.forEach((k, i) => {
        if (mask & (1 << i)) query[k] = filters[k];
      });
      if (text) query.q = text;
      const plan = q.plan(query as never, '2026-11-23');
      const scans = plan.filter((d) => /^SCAN (c|cases)\b/.test(d) && !/USING (COVERING )?INDEX/.test(d));
      assert.deepEqual(scans, [], `full scan for ${JSON.stringify(query)}:\n${plan.join('\n')}`);
      checked++;
    }
  }
  assert.equal(checked, 256 * 4);
  assert.ok(CASE_TYPES.length > 0);
  t.close();
});
