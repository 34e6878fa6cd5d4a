import { Alert, Button } from 'antd';
import type { AppError } from '../../shared/result.js';

/** A failed load, with the server's Chinese message and a retry button. */
export function ErrorAlert({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      action={onRetry ? <Button size="small" onClick={onRetry}>重试</Button> : undefined}
      style={{ marginBottom: 12 }}
    />
  );
}
