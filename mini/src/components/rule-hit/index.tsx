import { Text, View } from '@tarojs/components';
import { LABELS, type RuleHit } from '@duanka/shared';
import { shortDateTime } from '../../services/format';
import './index.scss';

/** The time in front of an evidence line, unless the server's text already starts with it. */
function evidenceTime(at: string | undefined, text: string): string | null {
  if (!at) return null;
  const time = shortDateTime(at);
  return text.startsWith(time) ? null : time;
}

/** One rule that fired: what it found, what to do, and the evidence (other openings, where, when). */
export function HitCard({ hit }: { hit: RuleHit }) {
  const level = hit.level === 'STOP' ? 'stop' : 'verify';
  return (
    <View className={`hit hit--${level}`}>
      <View className='hit__head'>
        <Text className='hit__title'>{hit.title}</Text>
        <Text className='hit__level'>{LABELS.verdict[hit.level]}</Text>
      </View>
      <View className='hit__text'>{hit.explanation}</View>
      {hit.advice ? <View className='hit__advice'>建议：{hit.advice}</View> : null}
      {hit.evidence.length > 0 ? (
        <View className='hit__evidence'>
          {hit.evidence.map((item, index) => (
            <View className='hit__evidence-item' key={`${item.kind}-${index}`}>
              {evidenceTime(item.at, item.text) ? <Text className='hit__evidence-at'>{evidenceTime(item.at, item.text)}</Text> : null}
              <Text>{item.text}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
