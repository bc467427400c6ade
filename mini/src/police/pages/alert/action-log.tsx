import { Text, View } from '@tarojs/components';
import { LABELS, type Disposition } from '@duanka/shared';
import type { AlertAction, AlertActionKind } from '../../../services/api-types';
import { shortDateTime } from '../../../services/format';

const ACTION_LABEL: Record<AlertActionKind, string> = {
  CREATE: '生成告警',
  ACCEPT: '签收',
  START: '开始核查',
  DISPOSE: '登记处置结果',
  CLOSE: '确认办结',
  REOPEN: '退回重办',
  ASSIGN: '指派下级',
  ESCALATE: '上报上级',
  MEMBER_ADDED: '新增关联开户',
};

function actor(action: AlertAction, me: string | undefined): string {
  if (!action.actorId) return '系统';
  return action.actorId === me ? '我' : '民警';
}

function outcome(action: AlertAction): string | null {
  if (!action.outcome) return null;
  return LABELS.disposition[action.outcome as Disposition] ?? action.outcome;
}

/** Every step of the closed loop so far, newest first: who, when, what, with the note. */
export function ActionLog({ actions, me }: { actions: AlertAction[]; me: string | undefined }) {
  const newestFirst = [...actions].sort((a, b) => b.seq - a.seq);
  return (
    <View className='action-log'>
      {newestFirst.map((action) => (
        <View className='action-log__item' key={action.seq}>
          <View className='action-log__dot' />
          <View className='action-log__body'>
            <View className='action-log__head'>
              <Text className='action-log__what'>{ACTION_LABEL[action.action] ?? action.action}</Text>
              <Text className='action-log__when'>{shortDateTime(action.at)} · {actor(action, me)}</Text>
            </View>
            {action.toStatus && action.fromStatus !== action.toStatus ? (
              <View className='action-log__line'>状态：{LABELS.alertStatus[action.toStatus]}</View>
            ) : null}
            {outcome(action) ? <View className='action-log__line'>处置：{outcome(action)}</View> : null}
            {action.note ? <View className='action-log__note'>{action.note}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
