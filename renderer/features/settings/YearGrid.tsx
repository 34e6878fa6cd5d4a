import { Col, Row } from 'antd';
import { addDays } from '../../../shared/logic/calendar.js';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/** Twelve month grids for a year, marking holiday days off (休) and make-up working days (班). */
export function YearGrid({ year, off, work }: { year: number; off: [string, string][]; work: string[] }) {
  const offDays = new Set<string>();
  for (const [from, to] of off) {
    if (!from || !to || to < from) continue;
    for (let d = from, n = 0; d <= to && n < 60; d = addDays(d, 1), n++) offDays.add(d);
  }
  const workDays = new Set(work.filter(Boolean));
  return (
    <Row gutter={[8, 8]} align="stretch">
      {Array.from({ length: 12 }, (_, m) => (
        <Col span={6} key={m}>
          <Month year={year} month={m + 1} off={offDays} work={workDays} />
        </Col>
      ))}
    </Row>
  );
}

function Month({ year, month, off, work }: { year: number; month: number; off: Set<string>; work: Set<string> }) {
  const first = new Date(year, month - 1, 1);
  const lead = (first.getDay() + 6) % 7; // Monday first
  const days = new Date(year, month, 0).getDate();
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const iso = (d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return (
    <div className="sx-month" aria-label={`${year}年${month}月`}>
      <div style={{ fontWeight: 600, marginBottom: 2 }}>{month}月</div>
      <table>
        <thead>
          <tr>
            {WEEK.map((w) => (
              <th key={w}>{w}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((wk, i) => (
            <tr key={i}>
              {wk.map((d, j) => {
                if (d === null) return <td key={j} />;
                const s = iso(d);
                const isOff = off.has(s);
                const isWork = work.has(s);
                return (
                  <td key={j} className={isOff ? 'sx-off' : isWork ? 'sx-work' : undefined} title={isOff ? `${s} 放假` : isWork ? `${s} 调休上班` : undefined}>
                    <span className={`sx-day${j >= 5 && !isWork ? ' weekend' : ''}`}>{d}</span>
                    {(isOff || isWork) && <span className="sx-day-mark">{isOff ? '休' : '班'}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
