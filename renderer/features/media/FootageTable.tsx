import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Fragment, type ReactNode } from 'react';
import type { MediaSummary } from '../../../shared/media-types.js';
import { formatBytes, formatDateTime } from '../../../shared/logic/text.js';
import { FootageThumb } from './FootageThumb.js';
import { durationText, KIND_LABELS } from './media-format.js';

/** Marks on a clip: important, on hold, a file that could not be read as media. */
export function FootageTags({ m }: { m: MediaSummary }) {
  return (
    <>
      {m.kind !== 'video' && <Tag>{KIND_LABELS[m.kind]}</Tag>}
      {m.important && <Tag color="red">重要</Tag>}
      {m.hold && <Tag color="purple">保全</Tag>}
      {m.probeError && (
        <Tooltip title={m.probeError}>
          <Tag color="warning">文件可能已损坏</Tag>
        </Tooltip>
      )}
    </>
  );
}

/** Lets long recorder names (DCAM_<device>_<officer>_<date>_<time>.mp4) wrap after an underscore, not inside a number. */
function breakable(name: string): ReactNode {
  const parts = name.split('_');
  return parts.map((p, i) => (
    <Fragment key={i}>
      {p}
      {i < parts.length - 1 && <>_<wbr /></>}
    </Fragment>
  ));
}

export const officerOf = (m: MediaSummary): string => m.officerName ?? (m.officerNo ? `警号 ${m.officerNo}` : '—');

/** Footage as a table with thumbnails; used by the library and the case's footage picker. */
export function FootageTable({ rows, matterLabel, hide = [], ...rest }: {
  rows: MediaSummary[];
  matterLabel: (key: string) => string;
  /** Column keys to leave out (e.g. 'cases' inside a case). */
  hide?: string[];
} & Omit<TableProps<MediaSummary>, 'dataSource' | 'columns'>) {
  const columns: NonNullable<TableProps<MediaSummary>['columns']> = [
    { title: '预览', key: 'thumb', width: 112, render: (_v, m) => <FootageThumb m={m} /> },
    {
      title: '文件',
      key: 'file',
      render: (_v, m) => (
        <Flex vertical gap={2}>
          <span style={{ overflowWrap: 'anywhere' }}>{breakable(m.fileName)}</span>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 8 }}>{formatBytes(m.size)}</Typography.Text>
            <FootageTags m={m} />
          </div>
        </Flex>
      ),
    },
    { title: '拍摄时间', key: 'at', width: 140, render: (_v, m) => (m.recordedAt ? formatDateTime(m.recordedAt) : '—') },
    { title: '时长', key: 'duration', width: 70, render: (_v, m) => (m.kind === 'image' ? '—' : durationText(m.durationMs)) },
    { title: '执法人员', key: 'officer', width: 100, render: (_v, m) => officerOf(m) },
    { title: '设备编号', key: 'device', dataIndex: 'deviceSerial', width: 130, render: (v: string) => v || '—' },
    {
      title: '标注',
      key: 'annotated',
      width: 110,
      render: (_v, m) => (m.annotated ? <Tag color="success">{m.matter ? matterLabel(m.matter) : '已标注'}</Tag> : <Tag>未标注</Tag>),
    },
    {
      title: '关联案件',
      key: 'cases',
      width: 180,
      render: (_v, m) => (m.cases.length ? m.cases.map((c) => <div key={c.id}>{c.caseNo}</div>) : <Typography.Text type="secondary">未关联</Typography.Text>),
    },
  ];
  return <Table<MediaSummary> size="small" rowKey="id" dataSource={rows} columns={columns.filter((c) => !hide.includes(String(c.key)))} {...rest} />;
}
