import { Empty, Flex, Typography } from 'antd';
import type { TrendChart as Chart, TrendSeries } from '../../../shared/supervision-types.js';
import { axisTicks, fmtTick } from './axis-ticks.js';

const PALETTE = ['#1f5fa9', '#69b1ff', '#13c2c2', '#95de64', '#fadb14', '#fa8c16', '#b37feb', '#8c8c8c'];
/** Colours with a meaning keep it in every chart. */
const KEY_COLORS: Record<string, string> = { onTime: '#52c41a', late: '#f5222d', pending: '#bfbfbf', submitted: '#16406f', hours: '#1f5fa9' };
/** Series drawn as a line over the stacked bars (a total that the bars break down). */
const LINE_KEYS = new Set(['submitted']);

const W = 560;
const H = 190;
const M = { left: 34, right: 8, top: 12, bottom: 26 };

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n >= 1 ? n.toFixed(1) : String(Number(n.toFixed(2))));
const monthLabel = (ym: string) => `${Number(ym.slice(5, 7))}月`;

/** Monthly stacked bars (and a line for a total such as 送审), plain SVG with a legend and tooltips. */
export function TrendChart({ chart, months }: { chart: Chart; months: string[] }) {
  if (!chart.available) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="相关功能尚未启用，暂无数据" />;
  const used = chart.series.filter((s) => s.values.some((v) => v > 0));
  const colorOf = (s: TrendSeries, i: number) => KEY_COLORS[s.key] ?? PALETTE[i % PALETTE.length];
  const colors = new Map(chart.series.map((s, i) => [s.key, colorOf(s, i)]));
  const bars = used.filter((s) => !LINE_KEYS.has(s.key));
  const lines = used.filter((s) => LINE_KEYS.has(s.key));
  const stackTotals = months.map((_, i) => bars.reduce((a, s) => a + s.values[i], 0));
  const ticks = axisTicks(Math.max(0, ...stackTotals, ...lines.flatMap((s) => s.values)), chart.unit !== '小时');
  const max = ticks[ticks.length - 1];
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / months.length;
  const barW = Math.max(4, Math.min(28, slot * 0.62));
  const y = (v: number) => M.top + plotH - (v / max) * plotH;
  const x = (i: number) => M.left + slot * i + slot / 2;
  const every = months.length > 12 ? 2 : 1;
  const tip = (i: number) =>
    [`${months[i].slice(0, 4)}年${monthLabel(months[i])}`, ...used.map((s) => `${s.label} ${fmt(s.values[i])} ${chart.unit}`), ...(bars.length > 1 ? [`合计 ${fmt(stackTotals[i])} ${chart.unit}`] : [])].join('\n');

  return (
    <Flex vertical gap={4}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={chart.title} style={{ display: 'block' }}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke={t === 0 ? '#bfbfbf' : '#f0f0f0'} />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize={10} fill="#8c8c8c">
              {fmtTick(t)}
            </text>
          </g>
        ))}
        <text x={M.left} y={8} fontSize={10} fill="#8c8c8c">
          单位：{chart.unit}
        </text>
        {months.map((m, i) => {
          let base = 0;
          return (
            <g key={m}>
              <title>{tip(i)}</title>
              <rect x={M.left + slot * i} y={M.top} width={slot} height={plotH} fill="transparent" />
              {bars.map((s) => {
                const v = s.values[i];
                if (v <= 0) return null;
                const top = y(base + v);
                const h = y(base) - top;
                base += v;
                return <rect key={s.key} x={x(i) - barW / 2} y={top} width={barW} height={Math.max(1, h)} fill={colors.get(s.key)} />;
              })}
              {i % every === 0 && (
                <text x={x(i)} y={H - M.bottom + 14} textAnchor="middle" fontSize={10} fill="#595959">
                  {monthLabel(m)}
                </text>
              )}
              {(i === 0 || m.endsWith('-01')) && (
                <text x={x(i)} y={H - 2} textAnchor="middle" fontSize={9} fill="#8c8c8c">
                  {m.slice(0, 4)}
                </text>
              )}
            </g>
          );
        })}
        {lines.map((s) => (
          <g key={s.key} pointerEvents="none">
            <polyline points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} fill="none" stroke={colors.get(s.key)} strokeWidth={1.5} />
            {s.values.map((v, i) => (
              <circle key={i} cx={x(i)} cy={y(v)} r={2.5} fill="#fff" stroke={colors.get(s.key)} strokeWidth={1.5} />
            ))}
          </g>
        ))}
        {used.length === 0 && (
          <text x={M.left + plotW / 2} y={M.top + plotH / 2} textAnchor="middle" fontSize={12} fill="#8c8c8c">
            该期间没有数据
          </text>
        )}
      </svg>
      {used.length > 0 && (
        <Flex wrap gap="4px 12px" style={{ paddingLeft: M.left / 2 }}>
          {used.map((s) => (
            <Flex key={s.key} align="center" gap={4}>
              {LINE_KEYS.has(s.key) ? (
                <span style={{ width: 12, height: 2, background: colors.get(s.key), display: 'inline-block' }} />
              ) : (
                <span style={{ width: 10, height: 10, background: colors.get(s.key), display: 'inline-block', borderRadius: 2 }} />
              )}
              <Typography.Text style={{ fontSize: 12 }}>
                {s.label} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmt(s.values.reduce((a, v) => a + v, 0))}</Typography.Text>
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
