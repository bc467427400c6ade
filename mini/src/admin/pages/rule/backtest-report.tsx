import { Text, View } from '@tarojs/components';
import { LABELS, VERDICTS, type RuleCode } from '@duanka/shared';
import { VerdictBadge } from '../../../components/verdict-badge';
import type { BacktestReport } from '../../../services/api-types';
import { shortDateTime } from '../../../services/format';

const LIST_LIMIT = 20;

/** What the proposed parameters would have changed over the chosen period. */
export function BacktestReportView({ report }: { report: BacktestReport }) {
  const rules = Object.entries(report.hitsByRule).filter(([, n]) => n.live > 0 || n.proposed > 0);
  return (
    <View className='report'>
      <View className='report__lead'>
        回测 {report.openings} 笔开户，研判结论变化 <Text className='report__em'>{report.changed}</Text> 笔（用时 {(report.millis / 1000).toFixed(1)} 秒）
      </View>
      <View className='report__table'>
        <View className='report__row report__row--head'>
          <Text className='report__cell report__cell--name'>结论</Text>
          <Text className='report__cell'>现行</Text>
          <Text className='report__cell'>拟用</Text>
        </View>
        {VERDICTS.map((verdict) => (
          <View className='report__row' key={verdict}>
            <Text className='report__cell report__cell--name'>{LABELS.verdict[verdict]}</Text>
            <Text className='report__cell'>{report.live[verdict]}</Text>
            <Text className='report__cell'>{report.proposed[verdict]}</Text>
          </View>
        ))}
      </View>
      {rules.length > 0 ? (
        <View className='report__table'>
          <View className='report__row report__row--head'>
            <Text className='report__cell report__cell--name'>命中规则</Text>
            <Text className='report__cell'>现行</Text>
            <Text className='report__cell'>拟用</Text>
          </View>
          {rules.map(([rule, n]) => (
            <View className={`report__row${n.live !== n.proposed ? ' report__row--changed' : ''}`} key={rule}>
              <Text className='report__cell report__cell--name'>{LABELS.ruleCode[rule as RuleCode] ?? rule}</Text>
              <Text className='report__cell'>{n.live}</Text>
              <Text className='report__cell'>{n.proposed}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {report.newlyFlagged.length > 0 ? (
        <View className='report__list'>
          <View className='report__subtitle'>新增标记（{report.newlyFlagged.length} 笔）</View>
          {report.newlyFlagged.slice(0, LIST_LIMIT).map((item) => (
            <View className='report__item' key={item.id}>
              <Text className='report__when'>{shortDateTime(item.at)}</Text>
              <VerdictBadge verdict={item.live} />
              <Text className='report__arrow'>→</Text>
              <VerdictBadge verdict={item.proposed} />
            </View>
          ))}
        </View>
      ) : null}
      {report.noLongerFlagged.length > 0 ? (
        <View className='report__list'>
          <View className='report__subtitle'>不再标记（{report.noLongerFlagged.length} 笔）</View>
          {report.noLongerFlagged.slice(0, LIST_LIMIT).map((item) => (
            <View className='report__item' key={item.id}>
              <Text className='report__when'>{shortDateTime(item.at)}</Text>
              <VerdictBadge verdict={item.live} />
              <Text className='report__arrow'>→</Text>
              <VerdictBadge verdict={item.proposed} />
            </View>
          ))}
        </View>
      ) : null}
      {report.truncated ? <View className='report__note'>开户较多，报告只列出部分明细。</View> : null}
    </View>
  );
}
