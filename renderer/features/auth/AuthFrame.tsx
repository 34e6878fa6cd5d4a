import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred frame of the first-run and login screens. */
export function AuthFrame({ heading, sub, width = 420, children }: { heading: ReactNode; sub?: ReactNode; width?: number; children: ReactNode }) {
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', boxSizing: 'border-box', padding: '48px 16px', background: 'linear-gradient(180deg,#16406f 0,#16406f 220px,#f0f2f5 220px)' }}>
      <Typography.Title level={3} style={{ color: '#fff', margin: '0 0 4px', letterSpacing: 2 }}>
        执法三项制度工作站
      </Typography.Title>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', marginBottom: 28 }}>
        行政执法公示 · 执法全过程记录 · 重大执法决定法制审核
      </Typography.Text>
      <Card style={{ width, maxWidth: '100%', boxShadow: '0 4px 16px rgba(0,0,0,0.08)' }}>
        <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
          {heading}
        </Typography.Title>
        {sub && (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {sub}
          </Typography.Paragraph>
        )}
        {children}
      </Card>
    </Flex>
  );
}
