import { Card, Tabs } from 'antd';
import { navigate } from '../../app/router.js';
import { PageTitle } from '../../components/PageTitle.js';
import { MediaSettingsTab } from '../media-admin/MediaSettingsTab.js';
import { DevicesTab } from '../officers/DevicesTab.js';
import { OfficersTab } from '../officers/OfficersTab.js';
import { BureauTab } from './BureauTab.js';
import { CaseSettingsTab } from './CaseSettingsTab.js';
import { HolidaysTab } from './HolidaysTab.js';
import { UsersTab } from './UsersTab.js';

const TABS = [
  { key: 'bureau', label: '单位信息', render: () => <BureauTab /> },
  { key: 'users', label: '用户与角色', render: () => <UsersTab /> },
  { key: 'officers', label: '执法人员', render: () => <OfficersTab /> },
  { key: 'devices', label: '执法记录仪', render: () => <DevicesTab /> },
  { key: 'media', label: '音视频', render: () => <MediaSettingsTab /> },
  { key: 'cases', label: '办案设置', render: () => <CaseSettingsTab /> },
  { key: 'holidays', label: '节假日', render: () => <HolidaysTab /> },
];

/** 设置 (管理员): bureau, accounts, officers, recorders, case settings, the holiday calendar. */
export function SettingsPage({ tab }: { tab?: string }) {
  const active = TABS.some((t) => t.key === tab) ? tab! : 'bureau';
  return (
    <>
      <PageTitle title="设置" />
      <Card size="small">
        <Tabs
          activeKey={active}
          destroyOnHidden
          onChange={(k) => navigate('/settings', { tab: k === 'bureau' ? undefined : k }, { replace: true })}
          items={TABS.map((t) => ({ key: t.key, label: t.label, children: t.render() }))}
        />
      </Card>
    </>
  );
}
