import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import type { Alert } from '../../../shared/supervision-types.js';
import { canOpen } from '../../app/nav.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { call, isDesktop } from '../../lib/api.js';
import { can } from '../../lib/access.js';
import { reachableTarget } from './alert-links.js';

const CHECK_EVERY_MS = 5 * 60_000;
const SEEN_KEY = 'sanxiang.alertsSeen';
/** More new alerts than this at once are announced as one summary. */
const MAX_SEPARATE = 3;

function loadSeen(key: string): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * The desktop notifications of the 工作台 alerts, shown inside the page when there is no desktop
 * shell (the browser harness; Electron shows its own): an alert is announced when it first appears
 * or its count grows, the same rule as core/supervision/notifier.ts. Renders nothing.
 */
export function AlertNotifications() {
  const { me } = useSession();
  const { notification } = App.useApp();
  const seenKey = `${SEEN_KEY}.${me.user.id}`;
  const seen = useRef<Record<string, number>>(loadSeen(seenKey));
  const enabled = !isDesktop() && can(me, 'dashboard.alerts');

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const announce = (a: Alert) => {
      const target = reachableTarget(me, a.link);
      const key = `alert-${a.id}`;
      notification.open({
        key,
        type: a.level === 'danger' ? 'error' : 'warning',
        title: `${a.title}（${a.count} 项）`,
        description: a.items
          .slice(0, 3)
          .map((i) => `${i.label}：${i.detail}`)
          .join('\n') + (a.count > 3 ? `\n等 ${a.count} 项` : ''),
        styles: { description: { whiteSpace: 'pre-line' } },
        duration: 15,
        placement: 'bottomRight',
        actions: target && (
          <Button
            size="small"
            type="primary"
            onClick={() => {
              notification.destroy(key);
              navigate(target.path, target.query);
            }}
          >
            去处理
          </Button>
        ),
      });
    };
    const announceMany = (list: Alert[]) => {
      const danger = list.some((a) => a.level === 'danger');
      notification.open({
        key: 'alerts-many',
        type: danger ? 'error' : 'warning',
        title: `有 ${list.length} 项预警需要处理`,
        description: list.map((a) => `${a.title}（${a.count} 项）`).join('\n'),
        styles: { description: { whiteSpace: 'pre-line' } },
        duration: 15,
        placement: 'bottomRight',
        // Not every reader has a 工作台 (the auditor): no button to a screen they cannot open.
        actions: canOpen(me, 'dashboard') && (
          <Button
            size="small"
            type="primary"
            onClick={() => {
              notification.destroy('alerts-many');
              navigate('/');
            }}
          >
            查看工作台
          </Button>
        ),
      });
    };
    const check = async () => {
      const r = await call('dashboard.alerts', {});
      if (!live || !r.ok) return;
      const current = r.value.alerts.filter((a) => a.level !== 'info');
      const next: Record<string, number> = Object.fromEntries(current.map((a) => [a.id, a.count]));
      const fresh = current.filter((a) => a.count > (seen.current[a.id] ?? 0));
      if (fresh.length <= MAX_SEPARATE) fresh.forEach(announce);
      else announceMany(fresh);
      seen.current = next;
      try {
        sessionStorage.setItem(seenKey, JSON.stringify(next));
      } catch {
        /* storage disabled: announce again after a reload */
      }
    };
    void check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [enabled, me, notification, seenKey]);

  return null;
}
