import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title row of a screen: heading on the left, actions on the right. */
export function PageTitle({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={12} wrap>
      <Flex align="baseline" gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      </Flex>
      {extra && <Flex gap={8}>{extra}</Flex>}
    </Flex>
  );
}
