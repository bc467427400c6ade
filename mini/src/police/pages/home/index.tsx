import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { AreaTabs } from '../../../components/area-tabs';
import { EmptyState } from '../../../components/empty-state';
import { StaffBar } from '../../../components/staff-bar';
import type { FeedState } from '../../../services/alert-feed';
import { arrangeAlerts, isOverdueAt, type StatusFilter } from '../../../services/alert-list-store';
import { primeAlertSound } from '../../../services/notify';
import { PAGES } from '../../../services/session';
import { useLoginGuard } from '../../../services/use-login-guard';
import { useNow } from '../../../services/use-now';
import { AlertRow } from './alert-row';
import { useAlertList } from './use-alert-list';
import './index.scss';

const FILTERS: ReadonlyArray<[StatusFilter, string]> = [
  ['OPEN', '未办结'],
  ['NEW', '待签收'],
  ['ACCEPTED', '已签收'],
  ['IN_PROGRESS', '核查中'],
  ['DISPOSED', '已处置'],
  ['CLOSED', '已办结'],
  ['ALL', '全部'],
];

const FEED_TEXT: Record<FeedState, string> = {
  connecting: '正在连接实时推送…',
  live: '实时推送中',
  reconnecting: '推送中断，正在重连…',
  polling: '每 10 秒自动刷新',
};

export function PoliceHomePage() {
  useLoginGuard();
  const [filter, setFilter] = useState<StatusFilter>('OPEN');
  const { state, feedState, error, refresh, markSeen } = useAlertList(filter);
  const now = useNow();
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const items = arrangeAlerts(state.items, now);
  const overdue = items.filter((item) => isOverdueAt(item, now)).length;

  return (
    <View className='page police-home' onClick={primeAlertSound}>
      <StaffBar />
      <AreaTabs current='alerts' />
      <ScrollView scrollX className='status-tabs'>
        {FILTERS.map(([key, title]) => (
          <Text key={key} className={`status-tabs__tab${key === filter ? ' status-tabs__tab--on' : ''}`} onClick={() => setFilter(key)}>
            {title}
          </Text>
        ))}
      </ScrollView>
      <View className='feed-bar'>
        <Text className={`feed-bar__dot feed-bar__dot--${feedState}`} />
        <Text className='feed-bar__text'>{FEED_TEXT[feedState]}</Text>
        <Text className='feed-bar__count'>{state.loaded ? `共 ${items.length} 条` : ''}</Text>
      </View>
      {overdue > 0 ? <View className='overdue-banner' role='alert'>{overdue} 条告警已超时，请优先处理</View> : null}
      {error ? <View className='police-home__error'>{error}</View> : null}
      {!state.loaded && !error ? <EmptyState title='正在载入…' /> : null}
      {state.loaded && items.length === 0 ? (
        <EmptyState title='暂无告警' description='辖区内出现需核实或停止办理的开户时，告警会立即显示在这里。' />
      ) : null}
      <View className='alert-list'>
        {items.map((alert) => (
          <AlertRow
            key={alert.id}
            alert={alert}
            now={now}
            overdue={isOverdueAt(alert, now)}
            fresh={state.fresh.includes(alert.id)}
            onOpen={(opened) => {
              markSeen(opened.id);
              void Taro.navigateTo({ url: `${PAGES.alertDetail}?id=${opened.id}` });
            }}
          />
        ))}
      </View>
    </View>
  );
}

export default PoliceHomePage;
