import { CheckCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import type { Alert } from '../../../shared/supervision-types.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { reachableTarget } from './alert-links.js';
import { AlertItemsDrawer, type ItemsView } from './AlertItemsDrawer.js';
import { LEVEL_COLORS } from './alert-level.js';

/** One card per alert: the count, what it is, the first items; a click opens the list that fixes it. */
export function AlertCards({ alerts }: { alerts: Alert[] }) {
  const { me } = useSession();
  const [open, setOpen] = useState<ItemsView | null>(null);
  if (alerts.length === 0) {
    return (
      <Card size="small">
        <Flex align="center" gap={8}>
          <CheckCircleOutlined style={{ color: '#389e0d', fontSize: 18 }} />
          <Typography.Text>暂无预警：公示、撤下、法制审核、音像记录、证据库、执法证、备份和磁盘空间均正常。</Typography.Text>
        </Flex>
      </Card>
    );
  }
  return (
    <>
      <Row gutter={[12, 12]}>
        {alerts.map((a) => {
          const target = reachableTarget(me, a.link);
          const activate = () => (target ? navigate(target.path, target.query) : setOpen(a));
          return (
            <Col key={a.id} xs={24} md={12} xl={8} xxl={6}>
              <Card
                size="small"
                hoverable
                role="button"
                tabIndex={0}
                aria-label={`${a.title}，${a.count} 项`}
                onClick={activate}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && activate()}
                style={{ borderLeft: `4px solid ${LEVEL_COLORS[a.level]}`, height: '100%' }}
                styles={{ body: { display: 'flex', flexDirection: 'column', gap: 6, height: '100%', boxSizing: 'border-box' } }}
              >
                <Flex align="baseline" gap={10}>
                  <span style={{ fontSize: 28, lineHeight: '32px', fontWeight: 600, color: LEVEL_COLORS[a.level] }}>{a.count}</span>
                  <Typography.Text strong style={{ fontSize: 14 }}>
                    {a.title}
                  </Typography.Text>
                </Flex>
                <div style={{ flex: 1, minHeight: 40 }}>
                  {a.items.slice(0, 2).map((i) => (
                    <Typography.Text key={String(i.id)} type="secondary" ellipsis={{ tooltip: `${i.label}：${i.detail}` }} style={{ display: 'block', fontSize: 12 }}>
                      {i.label}：{i.detail}
                    </Typography.Text>
                  ))}
                </div>
                <Flex justify="space-between" align="center">
                  <a
                    onClick={(e) => {
                      e.stopPropagation();
                      setOpen(a);
                    }}
                  >
                    明细
                  </a>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {target ? '去处理' : '查看明细'} <RightOutlined style={{ fontSize: 10 }} />
                  </Typography.Text>
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>
      <AlertItemsDrawer view={open} onClose={() => setOpen(null)} />
    </>
  );
}
