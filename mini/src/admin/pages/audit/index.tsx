import { useCallback, useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { LABELS, type AuditEntryView } from '@duanka/shared';
import { ChipTabs } from '../../../components/chip-tabs';
import { EmptyState } from '../../../components/empty-state';
import { api } from '../../../services/api-client';
import { shortDateTime } from '../../../services/format';
import { useLoginGuard } from '../../../services/use-login-guard';
import { auditActionLabel, auditSubjectLabel } from '../../audit-labels';
import './index.scss';

const DAY = 86_400_000;
const WINDOWS: ReadonlyArray<[number, string]> = [[1, '近 24 小时'], [7, '近 7 天'], [31, '近 31 天']];
/** The questions auditors ask most; "all" leaves the action open. */
const ACTIONS: ReadonlyArray<[string | undefined, string]> = [
  [undefined, '全部'], ['person.reveal', '查看完整身份证号'], ['opening.reveal', '查看完整卡号'],
  ['access.denied', '越权访问'], ['auth.login_failed', '登录失败'], ['audit.read', '查询审计'],
];
const PAGE = 50;

/** Newest first: who did what, when, from where; reasons given for reveals are shown. */
export function AuditPage() {
  useLoginGuard();
  const [days, setDays] = useState(1);
  const [action, setAction] = useState<string | undefined>();
  const [items, setItems] = useState<AuditEntryView[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (before?: number) => {
    setLoading(true);
    try {
      const from = new Date(Date.now() - days * DAY).toISOString();
      const page = await api.auditLog({ from, action, before, limit: PAGE });
      setItems((shown) => (before === undefined ? page.items : [...(shown ?? []), ...page.items]));
      setNextBefore(page.nextBefore);
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setLoading(false);
    }
  }, [days, action]);
  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);

  return (
    <View className='page audit-page'>
      <ChipTabs options={WINDOWS} value={days} onChange={setDays} />
      <ChipTabs options={ACTIONS} value={action} onChange={setAction} />
      {error ? <EmptyState title='审计日志加载失败' description={error} /> : null}
      {!items && !error ? <EmptyState title='正在载入…' /> : null}
      {items && items.length === 0 ? <EmptyState title='这段时间没有记录' /> : null}
      {items && items.length > 0 ? (
        <View className='audit-list'>
          {items.map((entry) => (
            <View className='audit-entry' key={entry.seq}>
              <View className='audit-entry__head'>
                <Text className='audit-entry__action'>{auditActionLabel(entry.action)}</Text>
                <Text className='audit-entry__time'>{shortDateTime(entry.at)}</Text>
              </View>
              <View className='audit-entry__who'>
                {entry.actorUsername ?? '未登录'}{entry.actorRole ? ` · ${LABELS.role[entry.actorRole]}` : ''}{entry.ip ? ` · ${entry.ip}` : ''}
              </View>
              {entry.subjectId ? <View className='audit-entry__subject'>{auditSubjectLabel(entry.subjectType)} {entry.subjectId}</View> : null}
              {typeof entry.detail?.reason === 'string' ? <View className='audit-entry__reason'>事由：{entry.detail.reason}</View> : null}
            </View>
          ))}
        </View>
      ) : null}
      {nextBefore !== null ? (
        <Button className='btn btn--default audit-more' loading={loading} disabled={loading} onClick={() => void load(nextBefore)}>加载更多</Button>
      ) : null}
    </View>
  );
}

export default AuditPage;
