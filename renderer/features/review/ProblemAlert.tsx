import { Alert } from 'antd';
import type { AppError } from '../../../shared/result.js';
import { fieldErrors } from '../../lib/field-errors.js';

/** A refused command shown in place: the server's sentence and, when given, each missing item on its own line. */
export function ProblemAlert({ error }: { error: AppError | null }) {
  if (!error) return null;
  const d = error.details as { missing?: unknown } | undefined;
  const items = Array.isArray(d?.missing) ? d.missing.map(String) : fieldErrors(error).map((f) => f.message);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={items.length ? (error.code === 'REVIEW_REQUIRED' ? '不能作出决定，原因如下：' : '未能提交，请补正以下内容：') : error.message}
      description={items.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{items.map((m) => <li key={m}>{m}</li>)}</ul> : undefined}
    />
  );
}
