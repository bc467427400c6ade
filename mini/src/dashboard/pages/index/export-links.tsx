import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { api } from '../../../services/api-client';
import type { StatsTable } from '../../../services/api-types';

const TABLES: ReadonlyArray<[StatsTable, string]> = [
  ['perDay', '逐日统计'],
  ['byInstitution', '按机构'],
  ['byDistrict', '按辖区'],
  ['byRule', '按规则'],
];

/** Saves a CSV the browser way: the export needs the bearer token, so it is fetched, then saved. */
function save(table: StatsTable, csv: string): void {
  const withBom = csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`;
  const url = URL.createObjectURL(new Blob([withBom], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${table}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV downloads of each table (H5 only: a mini-program cannot save files this way). */
export function ExportLinks({ days }: { days: number }) {
  const [busy, setBusy] = useState<StatsTable | null>(null);
  if (process.env.TARO_ENV !== 'h5') return null;
  async function download(table: StatsTable): Promise<void> {
    setBusy(table);
    try {
      save(table, await api.statsCsv(table, days));
    } catch (error) {
      void Taro.showToast({ title: (error as Error).message || '导出失败', icon: 'none' });
    } finally {
      setBusy(null);
    }
  }
  return (
    <View className='section'>
      <View className='section__title'>导出 CSV（近 {days} 天）</View>
      <View className='exports'>
        {TABLES.map(([table, title]) => (
          <Text key={table} className='exports__link' onClick={() => void download(table)}>
            {busy === table ? '正在导出…' : `${title}.csv`}
          </Text>
        ))}
      </View>
    </View>
  );
}
