import { useCallback, useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { AreaTabs } from '../../../components/area-tabs';
import { EmptyState } from '../../../components/empty-state';
import { StaffBar } from '../../../components/staff-bar';
import { api } from '../../../services/api-client';
import type { StatsOverview } from '../../../services/api-types';
import { currentSession } from '../../../services/session';
import { useLoginGuard } from '../../../services/use-login-guard';
import { DashboardView } from './dashboard-view';
import { ExportLinks } from './export-links';
import './index.scss';

const RANGES = [7, 30, 90] as const;

function scopeTitle(): string {
  const role = currentSession()?.staff.role;
  if (role === 'SQUAD_ADMIN') return '全市';
  if (role === 'INSTITUTION_ADMIN') return '本机构';
  return '本辖区';
}

/** The squad's dashboard; officers and institution admins see the same for their own scope. */
export function DashboardPage() {
  useLoginGuard();
  const [days, setDays] = useState<number>(30);
  const [overview, setOverview] = useState<StatsOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setOverview(await api.statsOverview(days));
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [days]);
  useEffect(() => {
    void load();
  }, [load]);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className='page dashboard-page'>
      <StaffBar />
      <AreaTabs current='dashboard' />
      <View className='range'>
        <Text className='range__scope'>{scopeTitle()}统计</Text>
        {RANGES.map((range) => (
          <Text key={range} className={`range__item${range === days ? ' range__item--on' : ''}`} onClick={() => setDays(range)}>
            {range} 天
          </Text>
        ))}
      </View>
      {error ? (
        <EmptyState title='统计加载失败' description={error}>
          <Button className='btn btn--default' onClick={() => void load()}>重试</Button>
        </EmptyState>
      ) : null}
      {!overview && !error ? <EmptyState title='正在载入…' /> : null}
      {overview ? <DashboardView overview={overview} /> : null}
      {overview ? <ExportLinks days={days} /> : null}
    </View>
  );
}

export default DashboardPage;
