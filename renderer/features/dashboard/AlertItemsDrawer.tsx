import { Button, Drawer, List, Tag, Typography } from 'antd';
import type { AlertItem, AlertLevel, AlertLink } from '../../../shared/supervision-types.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { reachableTarget } from './alert-links.js';
import { LEVEL_TAGS } from './alert-level.js';

export interface ItemsView {
  title: string;
  level: AlertLevel;
  count: number;
  link: AlertLink;
  items: AlertItem[];
}

/** The items behind an alert or to-do (the 20 most urgent), each opening its case where the user may. */
export function AlertItemsDrawer({ view, onClose }: { view: ItemsView | null; onClose: () => void }) {
  const { me } = useSession();
  const target = view ? reachableTarget(me, view.link) : null;
  const go = (t: { path: string; query: Record<string, string> }) => {
    onClose();
    navigate(t.path, t.query);
  };
  return (
    <Drawer
      open={!!view}
      onClose={onClose}
      size={560}
      title={view && <>{view.title}<Tag color={LEVEL_TAGS[view.level].color} style={{ marginLeft: 8 }}>{`${view.count} 项`}</Tag></>}
      extra={target && <Button type="primary" onClick={() => go(target)}>打开列表</Button>}
    >
      {view && (
        <>
          {view.count > view.items.length && (
            <Typography.Paragraph type="secondary">{`以下为最紧急的 ${view.items.length} 项，共 ${view.count} 项。`}</Typography.Paragraph>
          )}
          <List
            size="small"
            dataSource={view.items}
            renderItem={(i) => {
              const t = i.link ? reachableTarget(me, i.link) : null;
              return (
                <List.Item key={String(i.id)}>
                  <List.Item.Meta
                    title={t ? <a onClick={() => go(t)}>{i.label}</a> : i.label}
                    description={i.detail}
                  />
                </List.Item>
              );
            }}
          />
        </>
      )}
    </Drawer>
  );
}
