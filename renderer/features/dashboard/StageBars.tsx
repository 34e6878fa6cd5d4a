import { Flex, Progress, Typography } from 'antd';

/** Label · bar · count rows, for counts by stage or type. */
export function CountBars({ rows, onClick }: { rows: { key: string; label: string; count: number }[]; onClick?: (key: string) => void }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Flex vertical gap={6}>
      {rows.map((r) => (
        <Flex
          key={r.key}
          align="center"
          gap={10}
          className={onClick ? 'sx-row-link' : undefined}
          onClick={onClick ? () => onClick(r.key) : undefined}
          aria-label={`${r.label} ${r.count} 件`}
        >
          <Typography.Text style={{ width: 72, flex: 'none' }}>{r.label}</Typography.Text>
          <Progress percent={(r.count / max) * 100} status="normal" strokeColor="#1f5fa9" showInfo={false} size="small" style={{ flex: 1, margin: 0 }} />
          <Typography.Text strong style={{ width: 40, textAlign: 'right', flex: 'none' }}>
            {r.count}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
