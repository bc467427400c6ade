import { Button, Text, View } from '@tarojs/components';
import { LABELS, type Outcome, type RuleHit, type Verdict } from '@duanka/shared';
import { flag } from '../flag';
import { HitCard } from '../rule-hit';
import './index.scss';

export interface VerdictModel {
  id: string;
  verdict: Verdict;
  advice: string;
  hits: RuleHit[];
  person: { maskedIdNumber: string; maskedName?: string; age?: number; sex?: 'M' | 'F'; regionName?: string };
  outcome?: Outcome | null;
  /** The police's handling of the alert this opening raised, e.g. "公安处置：已警示劝导 · 已办结". */
  feedback?: string | null;
  /** An alert was raised and pushed to the police (no feedback yet). */
  alertRaised?: boolean;
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

/** What the police did about the alert this opening raised (or that they have it). */
function PoliceFeedback({ text }: { text: string }) {
  return (
    <View className='verdict__card verdict__feedback'>
      <View className='verdict__card-title'>公安反馈</View>
      <View className='verdict__feedback-text'>{text}</View>
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

      {model.feedback ? <PoliceFeedback text={model.feedback} /> : null}

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

      {!model.feedback && model.alertRaised ? <PoliceFeedback text='已推送辖区公安，处置结果会反馈到这里和「今日登记」' /> : null}

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
