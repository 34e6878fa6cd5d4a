// The cells of a notice's table (执法人员名单, 权责清单 …) shown as a table, each cell with its
// findings highlighted like any other field, instead of one block per cell.
import { Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { FindingView, RedactedFieldView } from '../../../shared/disclosure-types.js';
import { RedactedText, type TextSelection } from './RedactedText.js';

const CELL = /^table\.(\d+)\.(\d+)$/;
const LONG = 100;
const cellStyle = { border: '1px solid #f0f0f0', padding: '2px 8px', verticalAlign: 'top' } as const;

export const isTableCell = (key: string): boolean => CELL.test(key);

interface Props {
  columns: string[];
  cells: RedactedFieldView[];
  editable: boolean;
  onUndo: (field: string, f: FindingView) => void;
  onSelect: (s: TextSelection) => void;
}

export function TableFindings({ columns, cells, editable, onUndo, onSelect }: Props) {
  const byKey = new Map(cells.map((f) => [f.key, f]));
  const rowCount = Math.max(0, ...cells.map((f) => Number(CELL.exec(f.key)![1]) + 1));
  const rowsWithFindings = new Set(cells.filter((f) => f.findings.length).map((f) => Number(CELL.exec(f.key)![1])));
  const findings = cells.reduce((n, f) => n + f.findings.length, 0);
  // A long table shows the rows with findings first; the clerk can open the rest.
  const [all, setAll] = useState(rowCount <= LONG);
  const rows = [...Array(rowCount).keys()].filter((r) => all || rowsWithFindings.has(r));

  return (
    <div style={{ marginBottom: 12 }} data-testid="table-findings">
      <Typography.Text strong>表格内容</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>共 {rowCount} 行</Typography.Text>
      {findings > 0 && <Tag style={{ marginLeft: 8 }} color="orange">{findings} 处脱敏</Tag>}
      {!all && (
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          {rows.length ? `以下只列出有脱敏的 ${rows.length} 行，` : '没有需要脱敏的单元格，'}
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAll(true)}>显示全部 {rowCount} 行</Button>
        </Typography.Text>
      )}
      {rows.length > 0 && (
        <div style={{ overflowX: 'auto', marginTop: 6 }}>
          <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
            <thead>
              <tr>
                <th style={{ ...cellStyle, background: '#fafafa', width: 48 }}>行</th>
                {columns.map((c) => <th key={c} style={{ ...cellStyle, background: '#fafafa', textAlign: 'left' }}>{c}</th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r}>
                  <td style={{ ...cellStyle, color: '#999', textAlign: 'center', lineHeight: 2 }}>{r + 1}</td>
                  {columns.map((_c, i) => {
                    const f = byKey.get(`table.${r}.${i}`);
                    return <td key={i} style={cellStyle}>{f && <RedactedText field={f} editable={editable} onUndo={(x) => onUndo(f.key, x)} onSelect={onSelect} />}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
