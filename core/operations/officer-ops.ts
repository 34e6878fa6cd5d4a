import { checkPhone } from '../../shared/logic/check-digits.js';
import type { Officer, PublicRosterRow } from '../../shared/types.js';
import { conflict, invalid, notFound } from '../errors.js';
import type { OfficerRow } from '../officers/officers-repo.js';
import { certificateState } from '../officers/certificates.js';
import { toCsv } from '../util/csv.js';
import type { Handlers, OpContext, OpsWithPrefix } from './context.js';

export function toOfficer(ctx: OpContext, o: OfficerRow): Officer {
  return { ...o, ...certificateState(o.certValidUntil, ctx.today(), ctx.app.settings.get().certificateWarningDays) };
}

function checkOfficerFields(o: Pick<OfficerRow, 'phone'>): void {
  if (o.phone && checkPhone(o.phone).level === 'error') throw invalid(`联系电话：${checkPhone(o.phone).message}`);
}

const ROSTER_COLUMNS: { key: keyof PublicRosterRow; title: string }[] = [
  { key: 'name', title: '姓名' },
  { key: 'unit', title: '所在单位' },
  { key: 'position', title: '职务' },
  { key: 'certNo', title: '执法证号' },
  { key: 'category', title: '执法类别' },
  { key: 'region', title: '执法区域' },
];

export const officerHandlers: Handlers<OpsWithPrefix<'officers.' | 'devices.'>> = {
  'officers.list': (ctx, { status, q }) => {
    let rows = ctx.app.repos.officers.list();
    if (status) rows = rows.filter((o) => o.status === status);
    if (q) rows = rows.filter((o) => o.name.includes(q) || o.certNo.includes(q) || o.officerNo.includes(q));
    const collator = new Intl.Collator('zh-CN');
    return rows.map((o) => toOfficer(ctx, o)).sort((a, b) => collator.compare(a.name, b.name));
  },

  'officers.create': (ctx, input) => {
    const { officers } = ctx.app.repos;
    checkOfficerFields(input);
    if (officers.byCertNo(input.certNo)) throw conflict(`执法证号 ${input.certNo} 已登记，请勿重复登记。`);
    const id = officers.insert(input, ctx.nowIso());
    ctx.audit('officer', id, { created: input });
    return toOfficer(ctx, officers.get(id)!);
  },

  'officers.update': (ctx, { id, ...patch }) => {
    const { officers } = ctx.app.repos;
    const before = officers.get(id);
    if (!before) throw notFound('该执法人员');
    const after: OfficerRow = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    checkOfficerFields(after);
    const other = officers.byCertNo(after.certNo);
    if (other && other.id !== id) throw conflict(`执法证号 ${after.certNo} 已属于 ${other.name}。`);
    officers.update(after, ctx.nowIso());
    ctx.audit('officer', id, { before, after });
    return toOfficer(ctx, officers.get(id)!);
  },

  'officers.publicRoster': (ctx) => {
    const today = ctx.today();
    const collator = new Intl.Collator('zh-CN');
    const rows: PublicRosterRow[] = ctx.app.repos.officers
      .list()
      .filter((o) => o.status === 'active' && o.certValidUntil >= today)
      .sort((a, b) => collator.compare(a.unit, b.unit) || collator.compare(a.name, b.name))
      .map(({ name, unit, position, certNo, category, region }) => ({ name, unit, position, certNo, category, region }));
    const csv = toCsv(
      ROSTER_COLUMNS.map((c) => c.title),
      rows.map((r) => ROSTER_COLUMNS.map((c) => r[c.key])),
    );
    return { columns: ROSTER_COLUMNS, rows, csv };
  },

  'devices.list': ({ app }) => app.repos.devices.list(),

  'devices.create': (ctx, input) => {
    const { devices, officers } = ctx.app.repos;
    if (devices.bySerial(input.serial)) throw conflict(`设备编号 ${input.serial} 已登记。`);
    if (input.officerId != null && !officers.get(input.officerId)) throw invalid('指定的执法人员不存在。');
    const id = devices.insert(input, ctx.nowIso());
    ctx.audit('device', id, { created: input });
    return devices.get(id)!;
  },

  'devices.update': (ctx, { id, ...patch }) => {
    const { devices, officers } = ctx.app.repos;
    const before = devices.get(id);
    if (!before) throw notFound('该记录仪');
    const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    if (after.officerId != null && !officers.get(after.officerId)) throw invalid('指定的执法人员不存在。');
    const other = devices.bySerial(after.serial);
    if (other && other.id !== id) throw conflict(`设备编号 ${after.serial} 已登记。`);
    devices.update(after, ctx.nowIso());
    ctx.audit('device', id, { before, after });
    return devices.get(id)!;
  },
};
