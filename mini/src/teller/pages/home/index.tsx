import { useCallback, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { LABELS } from '@duanka/shared';
import { EmptyState } from '../../../components/empty-state';
import { StaffBar } from '../../../components/staff-bar';
import { VerdictBadge } from '../../../components/verdict-badge';
import { api, type OpeningListItem } from '../../../services/api-client';
import { policeFeedbackText } from '../../../services/feedback';
import { clockTime, localDate } from '../../../services/format';
import { syncNow } from '../../../services/offline-sync';
import { PAGES } from '../../../services/session';
import { useOfflineQueue } from '../../../services/use-offline-queue';
import { useLoginGuard } from '../../../services/use-login-guard';
import './index.scss';

type Today = { state: 'loading' } | { state: 'ready'; items: OpeningListItem[] } | { state: 'error'; message: string };

const KIND_LABEL = { BANK: '银行开户', SIM: '电话卡' } as const;

function TodayRow({ item }: { item: OpeningListItem }) {
  const feedback = policeFeedbackText(item.alert);
  return (
    <View className='today__row' onClick={() => void Taro.navigateTo({ url: `${PAGES.verdict}?id=${item.id}&from=history` })}>
      <View className='today__main'>
        <View className='today__line'>
          <Text className='today__name'>{item.maskedName}</Text>
          <Text className='today__kind'>{KIND_LABEL[item.kind]}</Text>
          <VerdictBadge verdict={item.verdict} />
        </View>
        <View className='today__sub'>{item.maskedIdNumber}</View>
        <View className='today__sub'>{item.summary}</View>
        {feedback ? <View className='today__feedback'>{feedback}</View> : null}
      </View>
      <View className='today__side'>
        <View className='today__time'>{clockTime(item.openedAt)}</View>
        <View className={item.outcome ? 'today__outcome' : 'today__outcome today__outcome--todo'}>
          {item.outcome ? LABELS.outcome[item.outcome] : '待登记结果'}
        </View>
      </View>
    </View>
  );
}

export function TellerHomePage() {
  useLoginGuard();
  const queued = useOfflineQueue();
  const pending = queued.filter((item) => item.status === 'PENDING').length;
  const failed = queued.length - pending;
  const [today, setToday] = useState<Today>({ state: 'loading' });

  const load = useCallback(async () => {
    try {
      const { items } = await api.listOpenings(localDate());
      setToday({ state: 'ready', items });
    } catch (error) {
      setToday({ state: 'error', message: (error as Error).message });
    }
  }, []);

  useDidShow(() => {
    void load();
    // Anything sent from the queue appears in today's list once it is through.
    void syncNow().then((report) => {
      if (report && report.sent > 0) void load();
    });
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className='page teller-home'>
      <StaffBar />
      <View className='teller-home__actions'>
        <View className='action action--bank' onClick={() => void Taro.navigateTo({ url: PAGES.bankForm })}>
          <View className='action__title'>银行开户登记</View>
          <View className='action__sub'>开立银行账户、办理银行卡</View>
        </View>
        <View className='action action--sim' onClick={() => void Taro.navigateTo({ url: PAGES.simForm })}>
          <View className='action__title'>电话卡登记</View>
          <View className='action__sub'>办理手机卡、物联网卡、虚拟运营商卡</View>
        </View>
      </View>

      <View
        className={`queue-bar${failed > 0 ? ' queue-bar--failed' : pending > 0 ? ' queue-bar--pending' : ''}`}
        onClick={() => void Taro.navigateTo({ url: PAGES.queue })}
      >
        <Text className='queue-bar__text'>
          待发送 {pending} 条{failed > 0 ? `，发送失败 ${failed} 条` : ''}
        </Text>
        <Text className='queue-bar__more'>查看 ›</Text>
      </View>

      <View className='today'>
        <View className='today__title'>今日登记</View>
        {today.state === 'loading' ? <EmptyState title='正在载入…' /> : null}
        {today.state === 'error' ? (
          <EmptyState title='今日登记加载失败' description={today.message}>
            <Button className='btn btn--default' onClick={() => void load()}>重试</Button>
          </EmptyState>
        ) : null}
        {today.state === 'ready' && today.items.length === 0 ? <EmptyState title='今天还没有登记' /> : null}
        {today.state === 'ready' && today.items.length > 0 ? (
          <View className='today__list'>
            {today.items.map((item) => (
              <TodayRow item={item} key={item.id} />
            ))}
          </View>
        ) : null}
      </View>
    </View>
  );
}

export default TellerHomePage;
