import { useCallback, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { LABELS } from '@duanka/shared';
import { EmptyState } from '../../../components/empty-state';
import { PromptSheet } from '../../../components/sheet';
import { VerdictBadge } from '../../../components/verdict-badge';
import { api } from '../../../services/api-client';
import type { PersonTimeline, TimelineOpening } from '../../../services/api-types';
import { policeFeedbackText } from '../../../services/feedback';
import { shortDateTime } from '../../../services/format';
import { useLoginGuard } from '../../../services/use-login-guard';
import './index.scss';

const SEX = { M: '男', F: '女' } as const;
const KIND = { BANK: '银行开户', SIM: '电话卡' } as const;

type Entry = { at: string; opening?: TimelineOpening; cancellation?: PersonTimeline['cancellations'][number] };

/** Openings and cancellations in one list, newest first. */
function entries(timeline: PersonTimeline): Entry[] {
  const all: Entry[] = [
    ...timeline.openings.map((opening) => ({ at: opening.openedAt, opening })),
    ...timeline.cancellations.map((cancellation) => ({ at: cancellation.cancelledAt, cancellation })),
  ];
  return all.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

function OpeningEntry({ opening }: { opening: TimelineOpening }) {
  const feedback = policeFeedbackText(opening.alert);
  return (
    <View className='timeline__item'>
      <View className='timeline__head'>
        <Text className='timeline__when'>{shortDateTime(opening.openedAt)}</Text>
        <Text className='timeline__kind'>{KIND[opening.kind]}</Text>
        <VerdictBadge verdict={opening.verdict} />
      </View>
      <View className='timeline__text'>{opening.summary}</View>
      <View className='timeline__sub'>
        {opening.outcome ? LABELS.outcome[opening.outcome] : '未登记办理结果'}
        {opening.cancelledAt ? ` · ${shortDateTime(opening.cancelledAt)} 已注销` : ''}
      </View>
      {feedback ? <View className='timeline__feedback'>{feedback}</View> : null}
    </View>
  );
}

/** A person's openings across the whole city, for the officer handling an alert. */
export function PersonTimelinePage() {
  useLoginGuard();
  const { params } = useRouter();
  const id = params.id ?? '';
  const [timeline, setTimeline] = useState<PersonTimeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [revealed, setRevealed] = useState<{ idNumber: string; name: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setTimeline(await api.personTimeline(id));
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [id]);
  useDidShow(() => void load());

  if (!timeline) {
    return (
      <View className='page'>
        <EmptyState title={error ? '无法打开时间线' : '正在载入…'} description={error ?? undefined} />
      </View>
    );
  }
  const { person } = timeline;
  return (
    <View className='page person-page'>
      <View className='person-card'>
        <View className='person-card__id'>{revealed ? revealed.idNumber : person.maskedIdNumber}</View>
        {revealed ? <View className='person-card__name'>{revealed.name}</View> : null}
        <View className='person-card__facts'>
          <Text>年龄 {person.age} 岁</Text>
          <Text>性别 {SEX[person.sex]}</Text>
          <Text>籍贯 {person.regionName}</Text>
        </View>
        {revealed ? (
          <View className='person-card__audit'>本次查看已记入审计日志</View>
        ) : (
          <Button className='btn btn--default person-card__reveal' onClick={() => setAsking(true)}>查看完整身份信息</Button>
        )}
      </View>
      <View className='timeline'>
        <View className='timeline__title'>
          全市开户与办卡记录（{timeline.openings.length} 笔{timeline.cancellations.length ? `，注销 ${timeline.cancellations.length} 笔` : ''}）
        </View>
        {entries(timeline).map((entry) =>
          entry.opening ? (
            <OpeningEntry opening={entry.opening} key={entry.opening.id} />
          ) : (
            <View className='timeline__item timeline__item--cancel' key={entry.cancellation!.id}>
              <View className='timeline__head'>
                <Text className='timeline__when'>{shortDateTime(entry.at)}</Text>
                <Text className='timeline__kind'>{LABELS.cancellationKind[entry.cancellation!.kind]}</Text>
              </View>
              {entry.cancellation!.reason ? <View className='timeline__text'>{entry.cancellation!.reason}</View> : null}
            </View>
          ),
        )}
      </View>
      <PromptSheet
        open={asking}
        title='查看完整身份信息'
        description='完整身份证号和姓名属于个人敏感信息，查看将记入审计日志。请填写查看事由。'
        placeholder='如：核查告警，需联系本人'
        required
        minLength={2}
        confirmText='确认查看'
        onClose={() => setAsking(false)}
        onConfirm={async (reason) => {
          setRevealed(await api.revealPerson(id, reason));
          setAsking(false);
        }}
      />
    </View>
  );
}

export default PersonTimelinePage;
