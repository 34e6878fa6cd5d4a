import { addDays } from '../../../shared/logic/calendar.js';
import { certificateState } from '../../officers/certificates.js';
import { alertIf, type AlertRule } from './types.js';

interface Row {
  id: number;
  name: string;
  certNo: string;
  validUntil: string;
}

/** Enforcement certificates (执法证) of officers in post: expired, and expiring within the warning period. */
export const certificateAlerts: AlertRule = ({ app, today }) => {
  const warnDays = app.settings.get().certificateWarningDays;
  const rows = app.db
    .prepare(
      `SELECT id, name, cert_no AS certNo, cert_valid_until AS validUntil FROM officers
       WHERE status = 'active' AND cert_valid_until <= ? ORDER BY cert_valid_until, id`,
    )
    .all(addDays(today, warnDays)) as Row[];
  const expired = rows.filter((r) => r.validUntil < today);
  const expiring = rows.filter((r) => r.validUntil >= today);
  const item = (r: Row) => {
    const { certificateDaysLeft: left } = certificateState(r.validUntil, today, warnDays);
    return { id: r.id, label: r.name, detail: `证号 ${r.certNo}，${left < 0 ? `已过期 ${-left} 天` : left === 0 ? '今天到期' : `${left} 天后到期`}（${r.validUntil}）` };
  };
  return [
    ...alertIf('certificates.expired', 'danger', '执法证已过期（不得从事执法活动）', expired.length, { page: 'officers', filter: { certificate: 'expired' } }, expired.map(item)),
    ...alertIf('certificates.expiring', 'warning', `执法证 ${warnDays} 天内到期`, expiring.length, { page: 'officers', filter: { certificate: 'expiring' } }, expiring.map(item)),
  ];
};
