import { useState } from 'react';
import { Text, View } from '@tarojs/components';

export interface Series {
  key: string;
  label: string;
  colour: string;
}

export interface TrendChartProps {
  title: string;
  days: { day: string; values: Record<string, number> }[];
  series: Series[];
}

const pct = (value: number, max: number) => `${max > 0 ? Math.round((value / max) * 1000) / 10 : 0}%`;
const shortDay = (day: string) => day.slice(5);

/** Daily columns, the series stacked, drawn with plain views (no chart library in the package). */
export function TrendChart({ title, days, series }: TrendChartProps) {
  const totals = days.map((d) => series.reduce((sum, s) => sum + (d.values[s.key] ?? 0), 0));
  const max = Math.max(0, ...totals);
  const labelled = new Set([0, Math.floor((days.length - 1) / 2), days.length - 1]);
  return (
    <View className='chart'>
      <View className='chart__head'>
        <Text className='chart__title'>{title}</Text>
        <View className='chart__legend'>
          {series.map((s) => (
            <View className='chart__legend-item' key={s.key}>
              <View className='chart__swatch' style={{ background: s.colour }} />
              <Text>{s.label}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className='chart__plot'>
        <Text className='chart__max'>{max}</Text>
        {days.map((d, index) => (
          <View className='chart__col' key={d.day}>
            <View className='chart__stack' style={{ height: pct(totals[index], max) }}>
              {series.map((s) =>
                (d.values[s.key] ?? 0) > 0 ? (
                  <View key={s.key} className='chart__seg' style={{ height: pct(d.values[s.key], totals[index]), background: s.colour }} />
                ) : null,
              )}
            </View>
          </View>
        ))}
      </View>
      <View className='chart__axis'>
        {days.map((d, index) => (
          <Text className='chart__tick' key={d.day}>{labelled.has(index) ? shortDay(d.day) : ''}</Text>
        ))}
      </View>
    </View>
  );
}

export interface BarRow {
  key: string;
  label: string;
  value: number;
  note?: string;
}

/** Horizontal bars with the number at the end and a note under each; the first `limit` until expanded. */
export function BarList({ rows, colour, empty, limit, unit }: { rows: BarRow[]; colour: string; empty: string; limit?: number; unit: string }) {
  const [all, setAll] = useState(false);
  const max = Math.max(0, ...rows.map((r) => r.value));
  if (rows.length === 0) return <View className='bars__empty'>{empty}</View>;
  const shown = all || !limit ? rows : rows.slice(0, limit);
  return (
    <View className='bars'>
      {shown.map((row) => (
        <View className='bars__row' key={row.key}>
          <View className='bars__line'>
            <Text className='bars__label'>{row.label}</Text>
            <Text className='bars__value'>{row.value}</Text>
          </View>
          <View className='bars__track'>
            <View className='bars__fill' style={{ width: pct(row.value, max), background: colour }} />
          </View>
          {row.note ? <View className='bars__note'>{row.note}</View> : null}
        </View>
      ))}
      {limit && rows.length > limit ? (
        <View className='bars__more' onClick={() => setAll(!all)}>
          {all ? '收起' : `展开全部 ${rows.length} 个${unit}`}
        </View>
      ) : null}
    </View>
  );
}
