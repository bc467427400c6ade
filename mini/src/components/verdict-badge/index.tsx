import { Text } from '@tarojs/components';
import { LABELS, type Verdict } from '@duanka/shared';
import './index.scss';

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <Text className={`verdict-badge verdict-badge--${verdict.toLowerCase()}`}>{LABELS.verdict[verdict]}</Text>;
}
