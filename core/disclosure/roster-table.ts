import type { NoticeFields } from '../../shared/disclosure-types.js';
import type { AppContext } from '../app.js';

/** The public roster (执法人员名单): active officers with a valid certificate, by unit and name. */
export function rosterTable(app: AppContext, today: string): { table: NonNullable<NoticeFields['table']>; kept: string[] } {
  const collator = new Intl.Collator('zh-CN');
  const rows = app.repos.officers
    .list()
    .filter((o) => o.status === 'active' && o.certValidUntil >= today)
    .sort((a, b) => collator.compare(a.unit, b.unit) || collator.compare(a.name, b.name));
  return {
    table: {
      caption: '行政执法人员名单',
      columns: ['姓名', '所在单位', '职务', '执法证号', '执法类别', '执法区域'],
      rows: rows.map((o) => [o.name, o.unit, o.position, o.certNo, o.category, o.region]),
    },
    // Officers' names and certificate numbers are published on purpose (事前公开).
    kept: [...new Set(rows.flatMap((o) => [o.name, o.certNo]))],
  };
}
