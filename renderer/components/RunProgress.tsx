import { Button, Flex, Progress, Typography } from 'antd';
import type { JobProgress } from '../../shared/supervision-types.js';

/** What a long run is doing: the current step, a bar when the step is countable, and 取消. */
export function RunProgress({ progress, first, onCancel }: { progress: JobProgress | null; first: string; onCancel?: () => void }) {
  const countable = progress?.total != null && progress.total > 0 && progress.done != null;
  const percent = countable ? Math.min(100, Math.round((progress!.done! / progress!.total!) * 100)) : undefined;
  return (
    <Flex vertical gap={6} role="status" aria-live="polite">
      <Flex justify="space-between" align="center" gap={12}>
        <Typography.Text>{progress?.line ?? first}</Typography.Text>
        {onCancel && (
          <Button size="small" danger disabled={progress?.cancelRequested} onClick={onCancel}>
            {progress?.cancelRequested ? '正在取消…' : '取消'}
          </Button>
        )}
      </Flex>
      <Progress percent={percent ?? 100} status="active" showInfo={countable} strokeColor={countable ? undefined : '#91caff'} />
    </Flex>
  );
}
