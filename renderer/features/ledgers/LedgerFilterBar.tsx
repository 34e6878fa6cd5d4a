import { Button, Checkbox, DatePicker, Flex, Input, InputNumber, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { CASE_STATUSES, CASE_STATUS_LABELS, CASE_TYPES, CASE_TYPE_LABELS, STAGES, STAGE_LABELS } from '../../../shared/domain.js';
import { REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS } from '../../../shared/review-domain.js';
import { LEDGER_DISCLOSURE_STATES, LEDGER_DISCLOSURE_STATE_LABELS, type LedgerName } from '../../../shared/supervision-types.js';
import type { Officer } from '../../../shared/types.js';
import { fromDay, toDay } from '../../lib/dates.js';
import { LEDGER_VIEWS, type LedgerFilter } from './ledger-filters.js';

interface Props {
  ledger: LedgerName;
  value: LedgerFilter;
  officers: Officer[];
  onChange: (f: LedgerFilter) => void;
}

/** The filters of one ledger; each change replaces the URL (and goes back to page 1). */
export function LedgerFilterBar({ ledger, value, officers, onChange }: Props) {
  const view = LEDGER_VIEWS[ledger];
  const has = (k: (typeof view.keys)[number]) => view.keys.includes(k);
  const set = (patch: Partial<LedgerFilter>) => onChange({ ...value, ...patch });
  const [serial, setSerial] = useState(value.deviceSerial ?? '');
  useEffect(() => setSerial(value.deviceSerial ?? ''), [value.deviceSerial]);
  const officerOptions = officers.map((o) => ({ value: o.id, label: o.name }));
  const any = Object.values(value).some((v) => v !== undefined && v !== '');

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} className="sx-no-print">
      {view.dateLabel && (
        <DatePicker.RangePicker
          aria-label={`${view.dateLabel}范围`}
          placeholder={[`${view.dateLabel}起`, `${view.dateLabel}止`]}
          value={[toDay(value.from), toDay(value.to)]}
          allowEmpty={[true, true]}
          onChange={(r) => set({ from: fromDay(r?.[0]), to: fromDay(r?.[1]) })}
          style={{ width: 250 }}
        />
      )}
      {has('caseType') && (
        <Select aria-label="执法类别" placeholder="执法类别" allowClear value={value.caseType} onChange={(v) => set({ caseType: v })} style={{ width: 110 }}
          options={CASE_TYPES.map((t) => ({ value: t, label: CASE_TYPE_LABELS[t] }))} />
      )}
      {has('stage') && (
        <Select aria-label="当前环节" placeholder="当前环节" allowClear value={value.stage} onChange={(v) => set({ stage: v })} style={{ width: 110 }}
          options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} />
      )}
      {has('status') && (
        <Select aria-label="状态" placeholder="状态" allowClear value={value.status} onChange={(v) => set({ status: v })} style={{ width: 96 }}
          options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))} />
      )}
      {has('outcome') && (
        <Select aria-label="审核结论" placeholder="审核结论" allowClear value={value.outcome} onChange={(v) => set({ outcome: v })} style={{ width: 130 }}
          options={[{ value: 'pending', label: '审核中' }, ...REVIEW_OUTCOMES.map((o) => ({ value: o, label: REVIEW_OUTCOME_LABELS[o] }))]} />
      )}
      {has('state') && (
        <Select aria-label="公示情况" placeholder="公示情况" allowClear value={value.state} onChange={(v) => set({ state: v })} style={{ width: 120 }}
          options={LEDGER_DISCLOSURE_STATES.map((s) => ({ value: s, label: LEDGER_DISCLOSURE_STATE_LABELS[s] }))} />
      )}
      {has('handlerId') && (
        <Select aria-label="承办人" placeholder="承办人" allowClear showSearch={{ optionFilterProp: 'label' }} value={value.handlerId} onChange={(v) => set({ handlerId: v })}
          style={{ width: 110 }} options={officerOptions} />
      )}
      {has('officerId') && (
        <Select aria-label="执法人员" placeholder="执法人员" allowClear showSearch={{ optionFilterProp: 'label' }} value={value.officerId} onChange={(v) => set({ officerId: v })}
          style={{ width: 110 }} options={officerOptions} />
      )}
      {has('deviceSerial') && (
        <Input.Search aria-label="记录仪序列号" placeholder="记录仪序列号" allowClear value={serial} onChange={(e) => setSerial(e.target.value)}
          onSearch={(v) => set({ deviceSerial: v.trim() || undefined })} style={{ width: 180 }} />
      )}
      {has('annotated') && (
        <Select aria-label="标注情况" placeholder="标注情况" allowClear value={value.annotated === undefined ? undefined : value.annotated ? 'yes' : 'no'}
          onChange={(v) => set({ annotated: v === undefined ? undefined : v === 'yes' })} style={{ width: 110 }}
          options={[{ value: 'yes', label: '已标注' }, { value: 'no', label: '未标注' }]} />
      )}
      {has('staleDays') && (
        <Flex align="center" gap={4}>
          未导出满
          <InputNumber aria-label="未导出天数" min={1} max={3650} placeholder="天数" value={value.staleDays} onChange={(v) => set({ staleDays: v ?? undefined })} style={{ width: 80 }} />
          天
        </Flex>
      )}
      {has('overdue') && (
        <Checkbox checked={!!value.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
          只看超期
        </Checkbox>
      )}
      {has('avGap') && (
        <Checkbox checked={!!value.avGap} onChange={(e) => set({ avGap: e.target.checked || undefined })}>
          只看缺少音像记录
        </Checkbox>
      )}
      {value.closedTo && (
        <Tag closable onClose={() => set({ closedTo: undefined })}>
          {`${value.closedTo} 及以前结案`}
        </Tag>
      )}
      {value.dueTo && (
        <Tag closable onClose={() => set({ dueTo: undefined })}>
          {`公示期限不晚于 ${value.dueTo}`}
        </Tag>
      )}
      {any && (
        <Button type="link" onClick={() => onChange({})}>
          清除条件
        </Button>
      )}
    </Flex>
  );
}
