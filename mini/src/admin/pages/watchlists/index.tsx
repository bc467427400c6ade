import { useCallback, useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LABELS, WATCHLIST_KINDS, type WatchlistKind } from '@duanka/shared';
import { ChipTabs } from '../../../components/chip-tabs';
import { EmptyState } from '../../../components/empty-state';
import { api } from '../../../services/api-client';
import type { WatchlistEntry } from '../../../services/api-types';
import { shortDateTime } from '../../../services/format';
import { useLoginGuard } from '../../../services/use-login-guard';
import { AddWatchlistSheet, TARGET_LABEL } from './add-sheet';
import { ImportSheet } from './import-sheet';
import './index.scss';

/** The three lists the rules check against: punished sellers, fraud-linked numbers, vulnerable people. */
export function WatchlistsPage() {
  useLoginGuard();
  const [kind, setKind] = useState<WatchlistKind | undefined>();
  const [items, setItems] = useState<WatchlistEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sheet, setSheet] = useState<'add' | 'import' | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.listWatchlist(kind)).items.filter((item) => !item.removedAt));
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [kind]);
  useEffect(() => {
    void load();
  }, [load]);

  async function remove(entry: WatchlistEntry): Promise<void> {
    const { confirm } = await Taro.showModal({
      title: '移除这条名单？',
      content: `${LABELS.watchlistKind[entry.kind]} ${entry.maskedValue}。移除后规则不再据此拦截，历史记录保留。`,
      confirmText: '移除',
      confirmColor: '#fa5151',
    });
    if (!confirm) return;
    try {
      await api.removeWatchlist(entry.id);
      void Taro.showToast({ title: '已移除', icon: 'success' });
      await load();
    } catch (caught) {
      await Taro.showModal({ title: '未能移除', content: (caught as Error).message, showCancel: false });
    }
  }

  const tabs: ReadonlyArray<[WatchlistKind | undefined, string]> = [[undefined, '全部'], ...WATCHLIST_KINDS.map((k) => [k, LABELS.watchlistKind[k]] as [WatchlistKind, string])];
  return (
    <View className='page watchlists-page'>
      <View className='watchlist-actions'>
        <Button className='btn btn--primary' onClick={() => setSheet('add')}>登记名单</Button>
        <Button className='btn btn--default' onClick={() => setSheet('import')}>CSV 批量导入</Button>
      </View>
      <ChipTabs options={tabs} value={kind} onChange={setKind} />
      {error ? <EmptyState title='名单加载失败' description={error} /> : null}
      {!items && !error ? <EmptyState title='正在载入…' /> : null}
      {items && items.length === 0 ? <EmptyState title='名单为空' /> : null}
      {items && items.length > 0 ? (
        <View className='watchlist'>
          {items.map((entry) => (
            <View className='watch-item' key={entry.id}>
              <View className='watch-item__main'>
                <View className='watch-item__head'>
                  <Text className='watch-item__value'>{entry.maskedValue}</Text>
                  <Text className={`watch-item__kind watch-item__kind--${entry.kind.toLowerCase()}`}>{LABELS.watchlistKind[entry.kind]}</Text>
                </View>
                <View className='watch-item__reason'>{TARGET_LABEL[entry.target]} · {entry.reason}</View>
                <View className='watch-item__meta'>
                  登记于 {shortDateTime(entry.addedAt)}{entry.expiresAt ? ` · 有效期至 ${shortDateTime(entry.expiresAt)}` : ' · 长期有效'}
                </View>
              </View>
              <Text className='watch-item__remove' onClick={() => void remove(entry)}>移除</Text>
            </View>
          ))}
        </View>
      ) : null}
      <AddWatchlistSheet
        open={sheet === 'add'}
        onClose={() => setSheet(null)}
        onSubmit={async (input) => {
          await api.addWatchlist(input);
          setSheet(null);
          void Taro.showToast({ title: '已登记', icon: 'success' });
          await load();
        }}
      />
      <ImportSheet open={sheet === 'import'} onClose={() => setSheet(null)} onImported={() => void load()} />
    </View>
  );
}

export default WatchlistsPage;
