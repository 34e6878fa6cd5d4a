import { Tabs } from 'antd';
import { useState } from 'react';
import { AvMattersSection } from './AvMattersSection.js';
import { DeviceProfilesSection } from './DeviceProfilesSection.js';
import { MediaOptionsSection } from './MediaOptionsSection.js';

const SECTIONS = [
  { key: 'matters', label: '音像记录事项清单', render: () => <AvMattersSection /> },
  { key: 'profiles', label: '记录仪型号', render: () => <DeviceProfilesSection /> },
  { key: 'options', label: '保存期限、播放与校验', render: () => <MediaOptionsSection /> },
];

/** 设置—音视频: the required-matters list, recorder models, and retention / playback / vault check settings. */
export function MediaSettingsTab() {
  const [active, setActive] = useState('matters');
  return (
    <Tabs
      type="card"
      size="small"
      activeKey={active}
      onChange={setActive}
      destroyOnHidden
      items={SECTIONS.map((s) => ({ key: s.key, label: s.label, children: s.render() }))}
    />
  );
}
