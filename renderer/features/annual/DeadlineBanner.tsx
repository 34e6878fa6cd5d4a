import { Alert } from 'antd';
import type { AnnualReport } from '../../../shared/supervision-types.js';
import { formatDateTime } from '../../../shared/logic/text.js';
import { today } from '../../lib/dates.js';

/** The submission deadline of the year's report (setting; default 31 March of the next year) and whether it was exported. */
export function DeadlineBanner({ r }: { r: AnnualReport }) {
  const due = `${r.deadline.slice(0, 4)} 年 ${Number(r.deadline.slice(5, 7))} 月 ${Number(r.deadline.slice(8, 10))} 日`;
  if (r.exported) {
    return <Alert type="success" showIcon title={`${r.year} 年度数据已于 ${formatDateTime(r.exported.at)} 由 ${r.exported.by} 导出报送（报送期限 ${due}）。`} />;
  }
  if (String(r.year) >= today().slice(0, 4)) {
    return <Alert type="info" showIcon title={`${r.year} 年尚未结束，数字会继续变化；应于 ${due} 前报送。`} />;
  }
  if (r.daysLeft < 0) {
    return <Alert type="error" showIcon title={`${r.year} 年度数据已超过报送期限（${due}）${-r.daysLeft} 天，尚未导出报送，请尽快导出 Excel 报送上级主管部门。`} />;
  }
  if (r.daysLeft <= 30) {
    return <Alert type="warning" showIcon title={`${r.year} 年度数据应于 ${due} 前报送，还有 ${r.daysLeft} 天。请核对数字、填报复议诉讼数据后导出 Excel。`} />;
  }
  return <Alert type="info" showIcon title={`${r.year} 年度数据应于 ${due} 前报送。`} />;
}
