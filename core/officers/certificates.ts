import type { CertificateState } from '../../shared/types.js';

const DAY = 86_400_000;

/** Whether an enforcement certificate is valid, expiring within `warnDays`, or expired on `today`. */
export function certificateState(validUntil: string, today: string, warnDays: number): { certificateState: CertificateState; certificateDaysLeft: number } {
  const days = Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
  const state: CertificateState = days < 0 ? 'expired' : days <= warnDays ? 'expiring' : 'valid';
  return { certificateState: state, certificateDaysLeft: days };
}
