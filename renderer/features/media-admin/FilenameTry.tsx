import { Alert, Descriptions, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { compileTemplate, parseName, type NameFacts } from '../../../shared/logic/filename-template.js';
import { sampleName } from './filename-sample.js';

const pad = (n: number) => String(n).padStart(2, '0');
const clockText = ([Y, M, D, h, m, s]: NonNullable<NameFacts['start']>) => `${Y}年${M}月${D}日 ${pad(h)}:${pad(m)}:${pad(s)}`;

/** Which template (by position) a path matches, and what it yields; templates that do not compile are left out. */
function tryName(path: string, templates: string[]): { index: number; facts: NameFacts } | null {
  for (let i = 0; i < templates.length; i++) {
    let compiled;
    try {
      compiled = compileTemplate(templates[i]);
    } catch {
      continue;
    }
    const facts = parseName(path, [compiled]);
    if (facts) return { index: i, facts };
  }
  return null;
}

/**
 * 试一试: type a file name as the recorder writes it and see what the templates being edited read
 * from it (device, officer number, time, important), before saving anything.
 */
export function FilenameTry({ templates, extensions, utcOffset }: { templates: string[]; extensions: string[]; utcOffset: string }) {
  const [typed, setTyped] = useState<string | null>(null);
  const sample = typed ?? sampleName(templates.find((t) => sampleName(t)) ?? '');
  const path = sample.trim().replace(/\\/g, '/');
  const hit = path ? tryName(path, templates) : null;
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const extOk = !ext || extensions.map((e) => e.toLowerCase().replace(/^\./, '')).includes(ext);

  return (
    <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: 12 }} data-testid="filename-try">
      <Typography.Text strong>试一试</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>输入记录仪上的一个文件名（可带上级文件夹），查看按上面的格式能读出什么</Typography.Text>
      <Input
        aria-label="示例文件名"
        value={sample}
        onChange={(e) => setTyped(e.target.value)}
        placeholder="例如：DCAM_DSJ2026A001_051234_20260305_143000_IMP.mp4"
        style={{ margin: '8px 0', fontFamily: 'Consolas, monospace' }}
        allowClear
      />
      {path && !extOk && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`扩展名 .${ext} 不在“导入的文件类型”中，这样的文件不会导入。`} />
      )}
      {path && hit && (
        <Descriptions size="small" column={2} bordered styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="匹配的格式" span={2}>
            <Typography.Text code>{templates[hit.index]}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="设备编号">{hit.facts.device ?? <Typography.Text type="secondary">格式中没有，取设备信息文件</Typography.Text>}</Descriptions.Item>
          <Descriptions.Item label="警号">{hit.facts.officer ?? <Typography.Text type="secondary">格式中没有，取设备信息文件</Typography.Text>}</Descriptions.Item>
          <Descriptions.Item label="拍摄时间">
            {hit.facts.start ? (
              <>
                {clockText(hit.facts.start)}
                <Typography.Text type="secondary">（记录仪时钟，UTC{utcOffset}）</Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">未读出有效日期，取视频信息中的创建时间</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="重要标记">{hit.facts.important ? <Tag color="red">重要</Tag> : '否'}</Descriptions.Item>
        </Descriptions>
      )}
      {path && !hit && (
        <Alert
          type="info"
          showIcon
          title="不符合任何文件名格式"
          description="这样的文件仍会导入：拍摄时间取视频信息中的创建时间或文件修改时间，设备编号和警号取设备信息文件或记录仪登记信息。"
        />
      )}
    </div>
  );
}
