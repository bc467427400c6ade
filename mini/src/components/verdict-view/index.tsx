import { Button, Text, View } from '@tarojs/components';
import { LABELS, type Outcome, type RuleHit, type Verdict } from '@duanka/shared';
import { shortDateTime } from '../../services/format';
import { flag } from '../flag';
import './index.scss';

export interface VerdictModel {
  id: string;
  verdict: Verdict;
  advice: string;
  hits: RuleHit[];
  person: { maskedIdNumber: string; maskedName?: string; age?: number; sex?: 'M' | 'F'; regionName?: string };
  outcome?: Outcome | null;
}

const TONE: Record<Verdict, { className: string; icon: string; title: string; lead: (hits: number) => string }> = {
  PASS: { className: 'verdict--pass', icon: '✓', title: '通过', lead: () => '未发现风险，可以继续办理' },
  VERIFY: { className: 'verdict--verify', icon: '!', title: '需核实', lead: (n) => `发现 ${n} 项需要当面核实的情况` },
  STOP: { className: 'verdict--stop', icon: '✕', title: '停止办理', lead: (n) => `发现 ${n} 项风险，请不要发卡` },
};

const SEX: Record<'M' | 'F', string> = { M: '男', F: '女' };

// The outcome the verdict points to gets the prominent button; after a VERIFY either way is fine.
const PRIMARY: Record<Verdict, { outcome?: Outcome; className: string }> = {
  PASS: { outcome: 'ISSUED', className: 'btn--primary' },
  VERIFY: { className: '' },
  STOP: { outcome: 'REFERRED', className: 'btn--danger' },
};
const OUTCOME_BUTTONS: ReadonlyArray<[Outcome, string]> = [
  ['ISSUED', '已办理'],
  ['REFUSED', '已拒绝'],
  ['REFERRED', '已移交公安'],
];

function HitCard({ hit }: { hit: RuleHit }) {
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
              {item.at ? <Text className='hit__evidence-at'>{shortDateTime(item.at)}</Text> : null}
              <Text>{item.text}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export interface VerdictViewProps {
  model: VerdictModel;
  busy: boolean;
  onOutcome: (outcome: Outcome) => void;
  onHome: () => void;
}

/** The full-screen answer to an opening: the verdict, what to do now, why, and the outcome buttons. */
export function VerdictView({ model, busy, onOutcome, onHome }: VerdictViewProps) {
  const tone = TONE[model.verdict];
  const { person } = model;
  return (
    <View className={`verdict ${tone.className}`}>
      <View className='verdict__hero'>
        <View className='verdict__icon'>{tone.icon}</View>
        <View className='verdict__title'>{tone.title}</View>
        <View className='verdict__lead'>{tone.lead(model.hits.length)}</View>
      </View>

      <View className='verdict__card verdict__advice'>
        <View className='verdict__card-title'>现在请这样做</View>
        <View className='verdict__advice-text'>{model.advice}</View>
      </View>

      <View className='verdict__card'>
        <View className='verdict__card-title'>客户</View>
        <View className='verdict__person'>
          {person.maskedName ? <Text className='verdict__person-item'>{person.maskedName}</Text> : null}
          <Text className='verdict__person-item'>{person.maskedIdNumber}</Text>
          {person.age !== undefined ? <Text className='verdict__person-item'>年龄 {person.age} 岁</Text> : null}
          {person.sex ? <Text className='verdict__person-item'>性别 {SEX[person.sex]}</Text> : null}
          {person.regionName ? <Text className='verdict__person-item'>籍贯 {person.regionName}</Text> : null}
        </View>
      </View>

      {model.hits.length > 0 ? (
        <View className='verdict__card'>
          <View className='verdict__card-title'>原因</View>
          <View className='verdict__hits'>
            {model.hits.map((hit) => (
              <HitCard hit={hit} key={hit.rule} />
            ))}
          </View>
        </View>
      ) : null}

      <View className='verdict__actions'>
        {model.outcome ? (
          <>
            <View className='verdict__recorded'>已登记办理结果：{LABELS.outcome[model.outcome]}</View>
            <Button className='btn btn--default' onClick={onHome}>返回首页</Button>
          </>
        ) : (
          <>
            <View className='verdict__card-title'>登记办理结果</View>
            {OUTCOME_BUTTONS.map(([outcome, text]) => (
              <Button
                key={outcome}
                className={`btn ${outcome === PRIMARY[model.verdict].outcome ? PRIMARY[model.verdict].className : 'btn--neutral'}`}
                disabled={flag(busy)}
                onClick={() => onOutcome(outcome)}
              >
                {text}
              </Button>
            ))}
          </>
        )}
      </View>
    </View>
  );
}
