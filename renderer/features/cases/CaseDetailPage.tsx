import { Alert, Card, Skeleton, Tabs } from 'antd';
import type { CaseDetail } from '../../../shared/types.js';
import { navigate, useLocation } from '../../app/router.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useQuery } from '../../lib/use-api.js';
import { CaseHeader } from './CaseHeader.js';
import { CaseInfoTab } from './CaseInfoTab.js';
import { CaseRecordsTab } from './CaseRecordsTab.js';
import { CaseTimelineTab } from './CaseTimelineTab.js';
import { CaseReviewTab } from '../review/CaseReviewTab.js';
import { CaseMediaTab } from '../media/CaseMediaTab.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { ArchivedPanel } from '../archive/ArchivedPanel.js';
import { mayChangeCase, NOT_HANDLER_MESSAGE } from '../../../shared/logic/case-access.js';

/** One case: header with the stage bar and actions, and tabs for facts, records and the timeline. */
export function CaseDetailPage({ id }: { id: number }) {
  const q = useQuery('cases.get', { id });
  const loc = useLocation();
  const { me } = useSession();
  const tab = loc.query.tab ?? 'info';
  const c = q.data;
  if (q.error && !c) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!c) return <Card><Skeleton active /></Card>;

  const notHandler = !mayChangeCase({ roles: me.user.roles, officerId: me.user.officerId }, c.handlers.map((h) => h.officerId));
  const readOnly = c.status === 'voided' || c.stage === 'archived' || notHandler;
  const update = (d: CaseDetail) => q.setData(d);

  return (
    <>
      <CaseHeader c={c} readOnly={readOnly} onChange={update} />
      {c.status === 'voided' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本案件编号已作废：${c.voidReason ?? ''}`}
          description="作废的编号不会再分配给其他案件，并在案件列表中保留显示为“已作废”。案件内容只读。"
        />
      )}
      {notHandler && c.status !== 'voided' && c.stage !== 'archived' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={NOT_HANDLER_MESSAGE} />}
      {c.status !== 'voided' && c.stage === 'archived' && (
        <ArchivedPanel c={c} />
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate(`/cases/${id}`, { tab: k === 'info' ? undefined : k }, { replace: true })}
          items={[
            { key: 'info', label: '基本信息', children: <CaseInfoTab c={c} readOnly={readOnly} onChange={update} /> },
            { key: 'records', label: `记录与附件（${c.records.filter((r) => !r.superseded).length}）`, children: <CaseRecordsTab c={c} readOnly={readOnly} onChanged={q.reload} /> },
            ...(can(me, 'media.caseFootage') ? [{ key: 'media', label: '音视频', children: <CaseMediaTab c={c} readOnly={readOnly} /> }] : []),
            { key: 'review', label: '法制审核', children: <CaseReviewTab c={c} readOnly={readOnly} /> },
            { key: 'timeline', label: '时间线', children: <CaseTimelineTab c={c} /> },
          ]}
        />
      </Card>
    </>
  );
}
