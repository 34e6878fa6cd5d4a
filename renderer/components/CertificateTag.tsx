import { Tag } from 'antd';
import type { CertificateState } from '../../shared/types.js';

/** 有效 / 即将到期（N天） / 已过期 for an enforcement certificate. */
export function CertificateTag({ state, daysLeft }: { state: CertificateState; daysLeft: number }) {
  if (state === 'expired') return <Tag color="error">已过期</Tag>;
  if (state === 'expiring') return <Tag color="warning">即将到期（{daysLeft}天）</Tag>;
  return <Tag color="success">有效</Tag>;
}
