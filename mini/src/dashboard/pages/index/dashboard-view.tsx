import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { LABELS, type AlertStatus } from '@duanka/shared';
import type { StatsOverview } from '../../../services/api-types';
import { BarList, TrendChart } from './charts';

const BRAND = '#07c160';
const BLUE = '#10aeff';
const RED = '#fa5151';
// Long lists start short on a phone; the rest is one tap away.
const ROWS_SHOWN = 6;
const STATES: readonly AlertStatus[] = ['NEW', 'ACCEPTED', 'IN_PROGRESS', 'DISPOSED', 'CLOSED'];

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

function minutes(value: number | null): string {
  if (value === null) return '—';
  if (value < 1) return '不到 1 分钟';
  return value < 60 ? `${Math.round(value)} 分钟` : `${Math.round(value / 6) / 10} 小时`;
}

function hours(value: number | null): string {
  if (value === null) return '—';
  if (value < 1) return minutes(value * 60);
  return value < 48 ? `${Math.round(value * 10) / 10} 小时` : `${Math.round(value / 2.4) / 10} 天`;
}

/** "南岗区" from "黑龙江省哈尔滨市南岗区". */
function districtName(name: string): string {
  return name.replace(/^黑龙江省/, '').replace(/^哈尔滨市(?=.)/, '');
}

function Tile({ label, value, note, tone }: { label: string; value: string | number; note?: string; tone?: 'danger' | 'warning' | 'brand' }) {
  // Durations are words ("不到 1 分钟"); they get a smaller type so that they fit one line.
  const wordy = typeof value === 'string' && value.length > 5;
  return (
    <View className={`tile${tone ? ` tile--${tone}` : ''}`}>
      <View className={`tile__value${wordy ? ' tile__value--words' : ''}`}>{value}</View>
      <View className='tile__label'>{label}</View>
      {note ? <View className='tile__note'>{note}</View> : null}
    </View>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='section'>
      <View className='section__title'>{title}</View>
      <View className='section__body'>{children}</View>
    </View>
  );
}

/** Every number of GET /api/stats/overview, as the squad reads it on a phone. */
export function DashboardView({ overview }: { overview: StatsOverview }) {
  const { today, alerts } = overview;
  const rules = [...alerts.byRule].filter((r) => r.alerts > 0).sort((a, b) => b.alerts - a.alerts);
  const districts = [...overview.byDistrict].filter((d) => d.openings > 0 || d.alerts > 0).sort((a, b) => b.openings - a.openings);
  const institutions = [...overview.byInstitution].filter((i) => i.openings > 0).sort((a, b) => b.openings - a.openings).slice(0, 10);
  return (
    <View className='dashboard'>
      <Section title='今日'>
        <View className='tiles'>
          <Tile label='今日登记' value={today.openings} note={`银行 ${today.bank} · 电话卡 ${today.sim}`} />
          <Tile label='通过' value={today.pass} tone='brand' />
          <Tile label='需核实' value={today.verify} tone='warning' />
          <Tile label='停止办理' value={today.stop} tone='danger' />
          <Tile label='拒绝办理' value={today.refused} />
          <Tile label='新增告警' value={today.alerts} tone={today.alerts > 0 ? 'danger' : undefined} />
        </View>
      </Section>

      <Section title={`告警闭环（近 ${overview.days} 天）`}>
        <View className='tiles'>
          <Tile label='告警总数' value={alerts.total} />
          <Tile label='闭环率' value={percent(alerts.closedLoopRate)} tone='brand' note={`已办结 ${alerts.byState.CLOSED ?? 0} 条`} />
          <Tile label='超时未处理' value={alerts.overdue} tone={alerts.overdue > 0 ? 'danger' : undefined} />
          <Tile label='签收用时中位数' value={minutes(alerts.medianMinutesToAccept)} />
          <Tile label='办结用时中位数' value={hours(alerts.medianHoursToClose)} />
        </View>
        <View className='states'>
          {STATES.map((status) => (
            <View className='states__item' key={status}>
              <Text className='states__count'>{alerts.byState[status] ?? 0}</Text>
              <Text className='states__label'>{LABELS.alertStatus[status]}</Text>
            </View>
          ))}
        </View>
      </Section>

      <Section title={`趋势（近 ${overview.days} 天）`}>
        <TrendChart
          title='每日开户'
          days={overview.perDay.map((d) => ({ day: d.day, values: { bank: d.bank, sim: d.sim } }))}
          series={[{ key: 'bank', label: '银行开户', colour: BRAND }, { key: 'sim', label: '电话卡', colour: BLUE }]}
        />
        <TrendChart
          title='每日告警'
          days={overview.perDay.map((d) => ({ day: d.day, values: { alerts: d.alerts } }))}
          series={[{ key: 'alerts', label: '告警', colour: RED }]}
        />
      </Section>

      <Section title='告警按规则'>
        <BarList
          colour={RED}
          empty='期间没有告警'
          limit={ROWS_SHOWN}
          unit='规则'
          rows={rules.map((r) => ({
            key: r.rule,
            label: LABELS.ruleCode[r.rule] ?? r.rule,
            value: r.alerts,
            note: r.labelled > 0 ? `已核查 ${r.labelled} 条，属实率 ${percent(r.confirmedRate)}` : '尚无核查结论',
          }))}
        />
      </Section>

      <Section title='按辖区（开户量）'>
        <BarList
          colour={BRAND}
          empty='期间没有开户'
          limit={ROWS_SHOWN}
          unit='辖区'
          rows={districts.map((d) => ({ key: d.district, label: districtName(d.name), value: d.openings, note: `停止办理 ${d.stop} · 告警 ${d.alerts}` }))}
        />
      </Section>

      <Section title='按机构（开户量前 10）'>
        <View className='table'>
          <View className='table__row table__row--head'>
            <Text className='table__name'>机构</Text>
            <Text className='table__num'>开户</Text>
            <Text className='table__num'>核实</Text>
            <Text className='table__num'>停止</Text>
            <Text className='table__num'>拒绝</Text>
          </View>
          {institutions.map((i) => (
            <View className='table__row' key={i.institutionId}>
              <Text className='table__name'>{i.name}</Text>
              <Text className='table__num'>{i.openings}</Text>
              <Text className='table__num'>{i.verify}</Text>
              <Text className='table__num'>{i.stop}</Text>
              <Text className='table__num'>{i.refused}</Text>
            </View>
          ))}
        </View>
      </Section>
    </View>
  );
}
