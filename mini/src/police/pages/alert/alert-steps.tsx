import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import type { Role } from '@duanka/shared';
import { PromptSheet } from '../../../components/sheet';
import { availableSteps, STEP_LABEL, type AlertStep } from '../../../services/alert-actions';
import { api } from '../../../services/api-client';
import type { AlertView } from '../../../services/api-types';
import type { UnitTree } from '../../../services/police-units';
import { AssignSheet } from './assign-sheet';
import { DisposeSheet } from './dispose-sheet';

export interface AlertStepsProps {
  alert: AlertView;
  role: Role;
  /** The officer's own unit: where assignable units hang below. */
  unitId: string | null;
  tree: UnitTree | null;
  /** After a step went through (or the alert turned out to have changed): reload the alert. */
  onChanged: (message?: string) => void;
}

// The note each plain step asks for: optional, except the reason for escalating.
const PROMPTS: Partial<Record<AlertStep, { placeholder: string; confirm: string; required?: boolean; description?: string }>> = {
  ACCEPT: { placeholder: '签收说明（选填）', confirm: '确认签收', description: '签收后请在处置时限内完成核查并登记处置结果。' },
  START: { placeholder: '核查安排（选填），如：已联系社区民警走访', confirm: '确认开始核查' },
  CLOSE: { placeholder: '办结意见（选填）', confirm: '办结并反馈机构', description: '确认办结后，处置结果反馈给开户机构。' },
  REOPEN: { placeholder: '退回原因（选填）', confirm: '确认退回', description: '退回后告警回到“核查中”，原处置结果作废。' },
  ESCALATE: { placeholder: '请填写上报原因', confirm: '确认上报', required: true, description: '告警将移交上一级单位处理。' },
};

// What the officer is told once a step went through.
const DONE: Record<AlertStep, string> = {
  ACCEPT: '已签收',
  START: '已开始核查',
  DISPOSE: '已登记处置结果',
  CLOSE: '已办结',
  REOPEN: '已退回重办',
  ASSIGN: '已指派',
  ESCALATE: '已上报',
};

function buttonClass(step: AlertStep, index: number): string {
  if (step === 'REOPEN') return 'btn btn--warn';
  return index === 0 ? 'btn btn--primary' : 'btn btn--default';
}

/** The closed-loop buttons valid for the alert's current state, and the forms behind them. */
export function AlertSteps({ alert, role, unitId, tree, onChanged }: AlertStepsProps) {
  const [open, setOpen] = useState<AlertStep | null>(null);
  const subUnits = tree && unitId ? tree.below(unitId) : [];
  const steps = availableSteps(alert.status, {
    role,
    hasSubUnits: subUnits.length > 0,
    ownerHasParent: !!tree?.parentOf(alert.ownerUnit.id),
  });
  if (steps.length === 0) return null;

  async function done(step: AlertStep, task: Promise<unknown>): Promise<void> {
    try {
      await task;
    } catch (error) {
      // Someone else moved the alert meanwhile: show the current state behind the message.
      if ((error as { statusCode?: number }).statusCode === 409) onChanged();
      throw error;
    }
    setOpen(null);
    onChanged(DONE[step]);
  }

  const plain = async (step: AlertStep, note: string) => {
    const calls: Partial<Record<AlertStep, () => Promise<unknown>>> = {
      ACCEPT: () => api.acceptAlert(alert.id, note),
      START: () => api.startAlert(alert.id, note),
      CLOSE: () => api.closeAlert(alert.id, note),
      REOPEN: () => api.reopenAlert(alert.id, note),
      ESCALATE: () => api.escalateAlert(alert.id, note),
    };
    await done(step, calls[step]!());
  };
  const prompt = open ? PROMPTS[open] : undefined;

  return (
    <View className='alert-steps'>
      <View className='alert-steps__title'>处置操作</View>
      {steps.map((step, index) => (
        <Button key={step} className={buttonClass(step, index)} onClick={() => setOpen(step)}>
          {STEP_LABEL[step]}
        </Button>
      ))}
      {open && prompt ? (
        <PromptSheet
          open
          title={STEP_LABEL[open]}
          description={prompt.description}
          placeholder={prompt.placeholder}
          required={prompt.required}
          confirmText={prompt.confirm}
          danger={open === 'REOPEN'}
          onConfirm={(note) => plain(open, note)}
          onClose={() => setOpen(null)}
        />
      ) : null}
      <DisposeSheet open={open === 'DISPOSE'} onClose={() => setOpen(null)} onSubmit={(input) => done('DISPOSE', api.disposeAlert(alert.id, input))} />
      <AssignSheet
        open={open === 'ASSIGN'}
        units={subUnits}
        onClose={() => setOpen(null)}
        onSubmit={(target, note) => done('ASSIGN', api.assignAlert(alert.id, { unitId: target, note }))}
      />
    </View>
  );
}
