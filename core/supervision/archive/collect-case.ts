import { CASE_STATUS_LABELS, CASE_TYPE_LABELS, PARTY_KIND_LABELS, PROCEDURE_LABELS, STAGE_LABELS } from '../../../shared/domain.js';
import type { CaseDetail } from '../../../shared/types.js';
import { safeName } from './manifest.js';
import { dateOf, extOf, json, seq, text, type PackageEntry } from './entries.js';

/** 01 案件信息 (readable text and data) and 02 案件记录 (every record and every version, attachments from the vault). */
export function caseEntries(d: CaseDetail, bureau: string): PackageEntry[] {
  const out: PackageEntry[] = [];
  const info = [
    bureau,
    `案件编号：${d.caseNo}`,
    `执法类别：${CASE_TYPE_LABELS[d.caseType]}　程序：${PROCEDURE_LABELS[d.procedure]}　状态：${CASE_STATUS_LABELS[d.status]}`,
    `案由：${d.title}`,
    `地点：${d.place || '—'}`,
    `立案日期：${d.openedOn}　办理期限：${d.dueOn ?? '—'}　结案日期：${d.closedOn ?? '—'}`,
    '',
    '当事人：',
    ...d.parties.map(
      (p, i) =>
        `  ${i + 1}. ${p.name}（${PARTY_KIND_LABELS[p.kind]}${p.isMinor ? '，未成年人' : ''}）` +
        [p.idNumber && `身份证号码 ${p.idNumber}`, p.creditCode && `统一社会信用代码 ${p.creditCode}`, p.legalRep && `法定代表人 ${p.legalRep}`, p.phone && `电话 ${p.phone}`, p.address && `地址 ${p.address}`]
          .filter(Boolean)
          .map((s) => `，${s}`)
          .join(''),
    ),
    '',
    `承办人：${d.handlers.map((h) => `${h.name}（执法证 ${h.certNo}${h.isLead ? '，主办' : ''}）`).join('、')}`,
    '',
    '办案环节：',
    ...d.stages.map((s) => `  ${s.enteredOn}　${STAGE_LABELS[s.stage]}${s.note ? `　${s.note}` : ''}${s.by ? `（${s.by}）` : ''}`),
    '',
    '基本事实：',
    d.facts || '—',
    '',
  ].join('\n');
  out.push({ path: '01_案件信息/案件基本信息.txt', title: '案件基本信息', date: d.openedOn, category: '案件信息', source: { kind: 'bytes', data: text(info) } });
  const { timeline: _t, ...data } = d;
  out.push({ path: '01_案件信息/案件数据.json', title: '案件数据（结构化）', date: d.openedOn, category: '案件信息', source: { kind: 'bytes', data: json(data) } });

  d.records.forEach((r, i) => {
    const name = `${seq(i + 1)}_${safeName(r.title, 40)}${r.version > 1 ? `_第${r.version}版` : ''}`;
    const title = `${r.title}${r.version > 1 ? `（第 ${r.version} 版）` : ''}${r.superseded ? '（已被新版本替代）' : ''}`;
    if (r.kind === 'attachment' && r.sha256) {
      out.push({ path: `02_案件记录/${name}${extOf(r.fileName)}`, title, date: dateOf(r.createdAt), category: '案件记录', source: { kind: 'vault', sha256: r.sha256, size: r.size ?? 0 } });
    } else {
      const body = [r.title, `记录人：${r.createdBy ?? '—'}　时间：${r.createdAt}${r.version > 1 ? `　第 ${r.version} 版` : ''}`, '', r.body, ''].join('\n');
      out.push({ path: `02_案件记录/${name}.txt`, title, date: dateOf(r.createdAt), category: '案件记录', source: { kind: 'bytes', data: text(body) } });
    }
  });
  return out;
}
