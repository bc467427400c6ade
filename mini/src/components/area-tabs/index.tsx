import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { areaTabsFor, currentSession, type AreaTab } from '../../services/session';
import './index.scss';

/** 告警 · 统计 · 管理: the areas of a police or admin login, as a segmented control. */
export function AreaTabs({ current }: { current: AreaTab['key'] }) {
  const role = currentSession()?.staff.role;
  const tabs = role ? areaTabsFor(role) : [];
  if (tabs.length < 2) return null;
  return (
    <View className='area-tabs'>
      {tabs.map((tab) => (
        <View
          key={tab.key}
          className={`area-tabs__tab${tab.key === current ? ' area-tabs__tab--on' : ''}`}
          onClick={() => tab.key !== current && void Taro.redirectTo({ url: tab.url })}
        >
          {tab.title}
        </View>
      ))}
    </View>
  );
}
