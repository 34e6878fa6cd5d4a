import { Badge, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/roles.js';
import type { TodoItem } from '../../../shared/supervision-types.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useQuery } from '../../lib/use-api.js';
import { reachableTarget } from './alert-links.js';
import { AlertItemsDrawer, type ItemsView } from './AlertItemsDrawer.js';
import { LEVEL_COLORS } from './alert-level.js';

/** 我的待办: what is waiting for the signed-in user, for each role they hold. */
export function TodoList() {
  const { me } = useSession();
  const q = useQuery('dashboard.todo', {});
  const [open, setOpen] = useState<ItemsView | null>(null);
  const items = q.data ?? [];
  const severalRoles = new Set(items.map((i) => i.role)).size > 1;
  const activate = (t: TodoItem) => {
    const target = reachableTarget(me, t.link);
    if (target) navigate(target.path, target.query);
    else setOpen(t);
  };
  return (
    <Card title="我的待办" size="small" loading={q.loading && !q.data} style={{ height: '100%' }}>
      {q.error && <ErrorAlert error={q.error} onRetry={q.reload} />}
      <List<TodoItem>
        size="small"
        dataSource={items}
        locale={{ emptyText: '暂无待办事项' }}
        renderItem={(t) => (
          <List.Item
            key={t.id}
            className="sx-row-link"
            onClick={() => activate(t)}
            aria-label={`${t.title}，${t.count} 项`}
            extra={
              <a
                onClick={(e) => {
                  e.stopPropagation();
                  setOpen(t);
                }}
              >
                明细
              </a>
            }
          >
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              <Badge color={LEVEL_COLORS[t.level]} />
              {severalRoles && <Tag style={{ marginInlineEnd: 0 }}>{ROLE_LABELS[t.role]}</Tag>}
              <Typography.Text ellipsis>{t.title}</Typography.Text>
              <Typography.Text strong style={{ color: LEVEL_COLORS[t.level], whiteSpace: 'nowrap' }}>
                {t.count} 项
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <AlertItemsDrawer view={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
