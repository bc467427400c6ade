import { Text } from '@tarojs/components';
import { LABELS, type AlertStatus, type Verdict } from '@duanka/shared';
import './index.scss';

export function AlertStatusChip({ status }: { status: AlertStatus }) {
  return <Text className={`alert-status alert-status--${status.toLowerCase()}`}>{LABELS.alertStatus[status]}</Text>;
}

/** 需核实 / 停止办理 as the alert's level. */
export function AlertLevelBadge({ level }: { level: Verdict }) {
  return <Text className={`alert-level alert-level--${level.toLowerCase()}`}>{level === 'STOP' ? '停止办理' : '需核实'}</Text>;
}

export function OverdueTag() {
  return <Text className='overdue-tag'>已超时</Text>;
}
