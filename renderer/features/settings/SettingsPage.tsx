import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { navigate, type Query } from '../../app/router.js';
import { BackupTab } from '../backup/BackupTab.js';
import { PageTitle } from '../../components/PageTitle.js';
import { DisclosureSettingsTab } from '../disclosure/DisclosureSettingsTab.js';
import { MediaSettingsTab } from '../media-admin/MediaSettingsTab.js';
import { DevicesTab } from '../officers/DevicesTab.js';
import { OfficersTab } from '../officers/OfficersTab.js';
import { BureauTab } from './BureauTab.js';
import { CaseSettingsTab } from './CaseSettingsTab.js';
import { HolidaysTab } from './HolidaysTab.js';
import { UsersTab } from './UsersTab.js';

const TABS: { key: string; label: string; render: (q: Query) => ReactNode }[] = [
  { key: 'bureau', label: '单位信息', render: () => <BureauTab /> },
  { key: 'users', label: '用户与角色', render: () => <UsersTab /> },
  { key: 'officers', label: '执法人员', render: (q) => <OfficersTab key={q.certificate ?? ''} certificate={q.certificate} /> },
  { key: 'devices', label: '执法记录仪', render: () => <DevicesTab /> },
  { key: 'media', label: '音视频', render: () => <MediaSettingsTab /> },
  { key: 'cases', label: '办案设置', render: () => <CaseSettingsTab /> },
  { key: 'holidays', label: '节假日', render: () => <HolidaysTab /> },
  { key: 'disclosure', label: '公示设置', render: () => <DisclosureSettingsTab /> },
  { key: 'backup', label: '备份与恢复', render: () => <BackupTab /> },
];

/** 设置 (管理员): bureau, accounts, officers, recorders, case settings, the holiday calendar. */
export function SettingsPage({ tab, query = {} }: { tab?: string; query?: Query }) {
  const active = TABS.some((t) => t.key === tab) ? tab! : 'bureau';
  return (
    <>
      <PageTitle title="设置" />
      <Card size="small">
        <Tabs
          activeKey={active}
          destroyOnHidden
          onChange={(k) => navigate('/settings', { tab: k === 'bureau' ? undefined : k }, { replace: true })}
          items={TABS.map((t) => ({ key: t.key, label: t.label, children: t.render(query) }))}
        />
      </Card>
    </>
  );
}
