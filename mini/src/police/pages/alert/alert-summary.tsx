import { Text, View } from '@tarojs/components';
import { LABELS } from '@duanka/shared';
import { AlertLevelBadge, AlertStatusChip, OverdueTag } from '../../../components/alert-status';
import type { AlertView } from '../../../services/api-types';
import { dueText, shortDateTime } from '../../../services/format';

const KIND_LABEL: Record<AlertView['kind'], string> = { OPENING: '异常开户', GROUP: '团伙开户', BRANCH_SPIKE: '网点开卡激增' };

function Row({ label, value, tone }: { label: string; value: string; tone?: 'danger' }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <Text className={`info-row__value${tone ? ` info-row__value--${tone}` : ''}`}>{value}</Text>
    </View>
  );
}

/** The head of an alert: level, state, what and where, who owns it and the deadline. */
export function AlertSummary({ alert, overdue, now }: { alert: AlertView; overdue: boolean; now: number }) {
  const due =
    alert.status === 'NEW' ? alert.acceptDueAt : alert.status === 'ACCEPTED' || alert.status === 'IN_PROGRESS' ? alert.disposeDueAt : null;
  return (
    <View className={`alert-hero alert-hero--${alert.level.toLowerCase()}${overdue ? ' alert-hero--overdue' : ''}`}>
      <View className='alert-hero__chips'>
        <AlertLevelBadge level={alert.level} />
        <AlertStatusChip status={alert.status} />
        {overdue ? <OverdueTag /> : null}
      </View>
      <View className='alert-hero__title'>{alert.title}</View>
      <View className='alert-hero__info'>
        <Row label='类型' value={KIND_LABEL[alert.kind]} />
        <Row label='开户网点' value={alert.branch.name} />
        <Row label='责任单位' value={alert.ownerUnit.name} />
        <Row label='生成时间' value={shortDateTime(alert.createdAt)} />
        {due ? (
          <Row
            label={alert.status === 'NEW' ? '签收时限' : '处置时限'}
            value={`${shortDateTime(due)}（${dueText(due, now)}）`}
            tone={overdue ? 'danger' : undefined}
          />
        ) : null}
        {alert.escalations > 0 ? <Row label='上报次数' value={`${alert.escalations} 次`} /> : null}
        {alert.disposition ? <Row label='处置结果' value={LABELS.disposition[alert.disposition]} /> : null}
        {alert.label ? <Row label='核查结论' value={LABELS.truthLabel[alert.label]} /> : null}
        {alert.closedAt ? <Row label='办结时间' value={shortDateTime(alert.closedAt)} /> : null}
      </View>
    </View>
  );
}
