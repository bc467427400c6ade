import { useEffect, useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LABELS, type OpeningResult, type Outcome, type Verdict } from '@duanka/shared';
import { EmptyState } from '../../../components/empty-state';
import { VerdictView, type VerdictModel } from '../../../components/verdict-view';
import { api, type OpeningDetail } from '../../../services/api-client';
import { policeFeedbackText } from '../../../services/feedback';
import { PAGES } from '../../../services/session';
import { recalledVerdict } from '../../../services/verdict-store';
import { useLoginGuard } from '../../../services/use-login-guard';

const BAR_COLOUR: Record<Verdict, string> = { PASS: '#07c160', VERIFY: '#fa9d3b', STOP: '#fa5151' };

function fromResult(result: OpeningResult): VerdictModel {
  return { id: result.id, verdict: result.verdict, advice: result.advice, hits: result.hits, person: result.person, alertRaised: !!result.alertId };
}

function fromDetail(detail: OpeningDetail): VerdictModel {
  return {
    id: detail.id,
    verdict: detail.verdict,
    advice: detail.advice,
    hits: detail.hits,
    person: { ...detail.person, maskedIdNumber: detail.maskedIdNumber, maskedName: detail.maskedName },
    outcome: detail.outcome ?? null,
    feedback: policeFeedbackText(detail.alert),
    alertRaised: !!detail.alert,
  };
}

const goHome = () => void Taro.reLaunch({ url: PAGES.tellerHome });

export function VerdictPage() {
  useLoginGuard();
  const { params } = useRouter();
  const id = params.id ?? '';
  const [model, setModel] = useState<VerdictModel | null>(() => {
    const recalled = id ? recalledVerdict(id) : null;
    return recalled ? fromResult(recalled) : null;
  });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Opened from 今日登记 (or after a reload): ask the server for the stored verdict, with the
  // outcome recorded since and the police's feedback. A verdict just answered needs no second look.
  const fromHistory = params.from === 'history';
  useEffect(() => {
    if (!id || (model && !fromHistory)) return;
    api.openingDetail(id).then(
      (detail) => setModel(fromDetail(detail)),
      (error: Error) => setLoadError((current) => (model ? current : error.message)),
    );
    // Once per opened id: `model` changing must not load it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, fromHistory]);

  useEffect(() => {
    if (!model) return;
    Taro.setNavigationBarColor({ frontColor: '#ffffff', backgroundColor: BAR_COLOUR[model.verdict] }).catch(() => undefined);
  }, [model]);

  async function record(outcome: Outcome): Promise<void> {
    if (!model) return;
    if (model.verdict === 'STOP' && outcome === 'ISSUED') {
      const { confirm } = await Taro.showModal({
        title: '确认已办理？',
        content: '系统提示应停止办理。确认已为客户开户或发卡，并已知悉相关风险？',
        confirmText: '确认已办理',
        confirmColor: '#fa5151',
      });
      if (!confirm) return;
    }
    setBusy(true);
    try {
      await api.recordOutcome(model.id, outcome);
      await Taro.showToast({ title: `已登记：${LABELS.outcome[outcome]}`, icon: 'success' });
      goHome();
    } catch (error) {
      await Taro.showModal({ title: '未能登记结果', content: (error as Error).message, showCancel: false });
    } finally {
      setBusy(false);
    }
  }

  if (!model) {
    return (
      <View className='page'>
        <EmptyState
          title={loadError ? '无法打开研判结果' : id ? '正在载入…' : '没有找到这条登记'}
          description={loadError ?? undefined}
        >
          <Button className='btn btn--default' onClick={goHome}>返回首页</Button>
        </EmptyState>
      </View>
    );
  }
  return <VerdictView model={model} busy={busy} onOutcome={(outcome) => void record(outcome)} onHome={goHome} />;
}

export default VerdictPage;
