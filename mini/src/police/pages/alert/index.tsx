import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { EmptyState } from '../../../components/empty-state';
import { HitCard } from '../../../components/rule-hit';
import { isOverdueAt } from '../../../services/alert-list-store';
import { api } from '../../../services/api-client';
import type { AlertDetail } from '../../../services/api-types';
import { loadUnitTree, type UnitTree } from '../../../services/police-units';
import { currentSession, PAGES } from '../../../services/session';
import { useLoginGuard } from '../../../services/use-login-guard';
import { useNow } from '../../../services/use-now';
import { ActionLog } from './action-log';
import { AlertSteps } from './alert-steps';
import { AlertSummary } from './alert-summary';
import './index.scss';

function PersonLinks({ alert }: { alert: AlertDetail }) {
  const open = (personId: string) => void Taro.navigateTo({ url: `${PAGES.personTimeline}?id=${personId}` });
  if (alert.members.length > 1) {
    return (
      <View className='card'>
        <View className='card__title'>涉及人员（{alert.members.length} 人）</View>
        {alert.members.map((member, index) => (
          <View className='link-row' key={member.openingId} onClick={() => open(member.personId)}>
            <Text>第 {index + 1} 人的开户时间线</Text>
            <Text className='link-row__arrow'>›</Text>
          </View>
        ))}
      </View>
    );
  }
  if (!alert.personId) return null;
  return (
    <View className='card'>
      <View className='link-row' onClick={() => open(alert.personId!)}>
        <Text>查看当事人全市开户时间线</Text>
        <Text className='link-row__arrow'>›</Text>
      </View>
    </View>
  );
}

export function AlertDetailPage() {
  useLoginGuard();
  const { params } = useRouter();
  const id = params.id ?? '';
  const session = currentSession();
  const [alert, setAlert] = useState<AlertDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tree, setTree] = useState<UnitTree | null>(null);
  const now = useNow();

  const load = useCallback(async () => {
    try {
      setAlert(await api.alertDetail(id));
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [id]);

  useDidShow(() => void load());
  useEffect(() => {
    loadUnitTree().then(setTree, () => setTree(null));
  }, []);

  if (!alert) {
    return (
      <View className='page'>
        <EmptyState title={error ? '无法打开告警' : '正在载入…'} description={error ?? undefined} />
      </View>
    );
  }
  return (
    <View className='page alert-detail'>
      <AlertSummary alert={alert} overdue={isOverdueAt(alert, now)} now={now} />
      {session ? (
        <AlertSteps
          alert={alert}
          role={session.staff.role}
          unitId={session.staff.policeUnitId ?? null}
          tree={tree}
          onChanged={(message) => {
            if (message) void Taro.showToast({ title: message, icon: 'success' });
            void load();
          }}
        />
      ) : null}
      <PersonLinks alert={alert} />
      <View className='card'>
        <View className='card__title'>命中规则（{alert.hits.length} 项）</View>
        {alert.hits.map((hit) => (
          <HitCard hit={hit} key={hit.rule} />
        ))}
      </View>
      <View className='card'>
        <View className='card__title'>处置记录</View>
        <ActionLog actions={alert.actions} me={session?.staff.id} />
      </View>
    </View>
  );
}

export default AlertDetailPage;
