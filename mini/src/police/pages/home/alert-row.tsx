import { Text, View } from '@tarojs/components';
import { AlertLevelBadge, AlertStatusChip, OverdueTag } from '../../../components/alert-status';
import type { AlertView } from '../../../services/api-types';
import { dueText, shortDateTime } from '../../../services/format';

export interface AlertRowProps {
  alert: AlertView;
  overdue: boolean;
  fresh: boolean;
  now: number;
  onOpen: (alert: AlertView) => void;
}

function deadline(alert: AlertView, now: number): string | null {
  if (alert.status === 'NEW' && alert.acceptDueAt) return `签收时限：${dueText(alert.acceptDueAt, now)}`;
  if ((alert.status === 'ACCEPTED' || alert.status === 'IN_PROGRESS') && alert.disposeDueAt) return `处置时限：${dueText(alert.disposeDueAt, now)}`;
  return null;
}

/** One alert in the list: level, what happened where, who owns it, its state and deadline. */
export function AlertRow({ alert, overdue, fresh, now, onOpen }: AlertRowProps) {
  const classes = ['alert-row', `alert-row--${alert.level.toLowerCase()}`, overdue ? 'alert-row--overdue' : '', fresh ? 'alert-row--fresh' : ''];
  const due = deadline(alert, now);
  return (
    <View className={classes.filter(Boolean).join(' ')} onClick={() => onOpen(alert)}>
      <View className='alert-row__head'>
        <AlertLevelBadge level={alert.level} />
        {fresh ? <Text className='alert-row__new'>新</Text> : null}
        {overdue ? <OverdueTag /> : null}
        <Text className='alert-row__time'>{shortDateTime(alert.createdAt)}</Text>
      </View>
      <View className='alert-row__title'>{alert.title}</View>
      <View className='alert-row__meta'>责任单位：{alert.ownerUnit.name}</View>
      <View className='alert-row__foot'>
        <AlertStatusChip status={alert.status} />
        {due ? <Text className={`alert-row__due${overdue ? ' alert-row__due--over' : ''}`}>{due}</Text> : null}
        {alert.escalations > 0 ? <Text className='alert-row__due'>已上报 {alert.escalations} 次</Text> : null}
      </View>
    </View>
  );
}
