// A table pasted from Excel or WPS (tab-separated lines, the first line the column names), shown
// back as a table so the clerk sees what will be published.
import { Alert, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import type { NoticeTable } from '../../../../shared/disclosure-types.js';

const MAX_COLUMNS = 12;
const MAX_ROWS = 2000;

/** Parses pasted spreadsheet text; an error in Chinese when it cannot become a table. */
export function parsePastedTable(text: string, caption: string): { table: NoticeTable | null; error: string | null } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return { table: null, error: null };
  const cells = lines.map((l) => l.split('\t').map((c) => c.trim().replace(/^"(.*)"$/s, '$1')));
  const columns = cells[0];
  if (columns.length > MAX_COLUMNS) return { table: null, error: `表格有 ${columns.length} 列，最多 ${MAX_COLUMNS} 列。请删去多余的列后重新粘贴。` };
  if (columns.some((c) => c === '')) return { table: null, error: '第一行是列名，不能有空白的列名。请检查复制的区域是否包含表头。' };
  const rows = cells.slice(1).map((r) => columns.map((_c, i) => r[i] ?? ''));
  if (rows.length > MAX_ROWS) return { table: null, error: `表格有 ${rows.length} 行，最多 ${MAX_ROWS} 行。请分成几项公示。` };
  const long = rows.findIndex((r) => r.some((c) => c.length > 1000));
  if (long >= 0) return { table: null, error: `第 ${long + 2} 行有超过 1000 字的单元格，请精简后重新粘贴。` };
  return { table: { caption, columns, rows }, error: null };
}

export function PastedTable({ caption, onChange }: { caption: string; onChange: (t: NoticeTable | null, error: string | null) => void }) {
  const [text, setText] = useState('');
  const { table, error } = parsePastedTable(text, caption);
  return (
    <>
      <Input.TextArea
        aria-label="粘贴表格"
        rows={4}
        value={text}
        placeholder="在 Excel 或 WPS 表格中选中整个表格（含第一行列名）复制，然后粘贴到这里"
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parsePastedTable(e.target.value, caption);
          onChange(parsed.table, parsed.error);
        }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      {table && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px' }}>
            共 {table.columns.length} 列、{table.rows.length} 行{table.rows.length > 5 ? '，以下为前 5 行' : ''}：
          </Typography.Text>
          <Table
            size="small"
            bordered
            pagination={false}
            scroll={{ x: true }}
            rowKey={(_r, i) => String(i)}
            dataSource={table.rows.slice(0, 5)}
            columns={table.columns.map((c, i) => ({ title: c, key: String(i), render: (_v: unknown, r: string[]) => r[i], ellipsis: true }))}
          />
        </>
      )}
    </>
  );
}
