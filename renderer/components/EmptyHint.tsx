import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** An empty state that tells the clerk what to do next. */
export function EmptyHint({ text, action }: { text: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text}>
      {action}
    </Empty>
  );
}
