import { Card, Tabs } from 'antd';
import { navigate, type Query } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { PageTitle } from '../../components/PageTitle.js';
import { can } from '../../lib/access.js';
import { VaultTab } from '../media-admin/VaultTab.js';
import { DevicesPanel } from './DevicesPanel.js';
import { FootageLibrary } from './FootageLibrary.js';

/** 音视频: 设备与导入 (officers, admin), the footage library (everyone who may watch footage), 证据库 (admin). */
export function MediaPage({ query }: { query: Query }) {
  const { me } = useSession();
  const tabs = [
    ...(can(me, 'media.devices') ? [{ key: 'devices', label: '设备与导入', children: <DevicesPanel /> }] : []),
    { key: 'library', label: '音像记录', children: <FootageLibrary query={query} /> },
    ...(can(me, 'media.retentionCandidates') ? [{ key: 'vault', label: '证据库', children: <VaultTab /> }] : []),
  ];
  const active = tabs.some((t) => t.key === query.tab) ? query.tab : tabs[0].key;
  return (
    <>
      <PageTitle title="音视频" sub="执法记录仪导入、音像记录标注与查看" />
      <Card size="small">
        {tabs.length > 1 ? (
          <Tabs activeKey={active} onChange={(k) => navigate('/media', { tab: k }, { replace: true })} items={tabs} destroyOnHidden />
        ) : (
          tabs[0].children
        )}
      </Card>
    </>
  );
}
