import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Flex, Input, Row, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { HolidayYear } from '../../../shared/logic/calendar.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fromDay, toDay } from '../../lib/dates.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { YearGrid } from './YearGrid.js';

const EMPTY: HolidayYear = { source: '', off: [], work: [] };

/**
 * 节假日: the State Council schedule per year (days off and make-up working days), which working-day
 * periods are counted with. A year without data counts weekends only.
 */
export function HolidaysTab() {
  const q = useQuery('calendar.get', {});
  const save = useCommand('calendar.setYear');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [draft, setDraft] = useState<HolidayYear>(EMPTY);
  const [dirty, setDirty] = useState(false);
  const years = q.data?.years ?? {};

  useEffect(() => {
    const y = q.data?.years[String(year)];
    setDraft(y ? { source: y.source ?? '', off: y.off.map((r) => [...r] as [string, string]), work: [...y.work] } : EMPTY);
    setDirty(false);
  }, [q.data, year]);

  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;

  const yearOptions = [...new Set([...Object.keys(years).map(Number), thisYear, thisYear + 1])].sort();
  const edit = (d: HolidayYear) => {
    setDraft(d);
    setDirty(true);
  };
  const submit = async () => {
    const schedule = { source: draft.source || undefined, off: draft.off.filter(([a, b]) => a && b), work: draft.work.filter(Boolean) };
    const r = await save.run({ year, schedule }, { success: `${year} 年节假日安排已保存` });
    if (r.ok) q.setData(r.value);
  };

  return (
    <Row gutter={16}>
      <Col span={9}>
        <Flex vertical gap={12}>
          <Flex gap={8} align="center">
            <Typography.Text>年份</Typography.Text>
            <Select aria-label="年份" value={year} onChange={setYear} options={yearOptions.map((y) => ({ value: y, label: `${y} 年${years[String(y)] ? '' : '（未设置）'}` }))} style={{ width: 150 }} />
          </Flex>
          {!years[String(year)] && <Alert type="warning" showIcon title={`${year} 年尚无节假日安排，计算期限时只按周末休息。国务院通知发布后请在此录入。`} />}
          <Flex gap={8} align="center">
            <Typography.Text style={{ flex: 'none' }}>依据</Typography.Text>
            <Input
              aria-label="依据"
              placeholder="例如：国务院办公厅关于2026年部分节假日安排的通知"
              value={draft.source}
              onChange={(e) => edit({ ...draft, source: e.target.value })}
            />
          </Flex>
          <Typography.Text strong>放假日期（含调休形成的连休）</Typography.Text>
          {draft.off.map(([from, to], i) => (
            <Flex key={i} gap={8}>
              <DatePicker.RangePicker
                value={[toDay(from), toDay(to)]}
                onChange={(r) => edit({ ...draft, off: draft.off.map((x, j) => (j === i ? [fromDay(r?.[0]) ?? '', fromDay(r?.[1]) ?? ''] : x)) })}
                style={{ flex: 1 }}
              />
              <Button icon={<DeleteOutlined />} aria-label="删除放假日期" onClick={() => edit({ ...draft, off: draft.off.filter((_x, j) => j !== i) })} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => edit({ ...draft, off: [...draft.off, ['', '']] })}>
            添加放假日期
          </Button>
          <Typography.Text strong>调休上班日（周六或周日）</Typography.Text>
          <Flex gap={8} wrap>
            {draft.work.map((d, i) => (
              <Flex key={i} gap={4}>
                <DatePicker
                  value={toDay(d)}
                  disabledDate={(x) => x.day() !== 0 && x.day() !== 6}
                  onChange={(x) => edit({ ...draft, work: draft.work.map((w, j) => (j === i ? (fromDay(x) ?? '') : w)) })}
                  style={{ width: 140 }}
                />
                <Button icon={<DeleteOutlined />} aria-label="删除调休上班日" onClick={() => edit({ ...draft, work: draft.work.filter((_w, j) => j !== i) })} />
              </Flex>
            ))}
          </Flex>
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => edit({ ...draft, work: [...draft.work, ''] })}>
            添加调休上班日
          </Button>
          <Flex gap={8}>
            <Button type="primary" onClick={submit} loading={save.pending} disabled={!dirty}>
              保存 {year} 年安排
            </Button>
            {dirty && <Button onClick={() => q.reload()}>放弃修改</Button>}
          </Flex>
        </Flex>
      </Col>
      <Col span={15}>
        <Typography.Text type="secondary">
          预览：<span className="sx-off" style={{ padding: '0 4px' }}>休</span> 放假，<span className="sx-work" style={{ padding: '0 4px' }}>班</span> 调休上班，灰色为周末
        </Typography.Text>
        <div style={{ marginTop: 8 }}>
          <YearGrid year={year} off={draft.off} work={draft.work} />
        </div>
      </Col>
    </Row>
  );
}
