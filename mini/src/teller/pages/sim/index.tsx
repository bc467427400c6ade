import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LABELS, OPENING_PURPOSES, SIM_CARD_KINDS } from '@duanka/shared';
import { FieldGroup, PickerField, TextField } from '../../../components/form-field';
import { checkMobileField, CompanionSection, PersonSection, SubmitBar, useOpeningSubmit } from '../../../components/opening-form';
import { offlineQueue } from '../../../services/offline-sync';
import { emptySimForm, simFormFrom, simRequest, simSummary, type SimForm } from './sim-form';
import { useLoginGuard } from '../../../services/use-login-guard';

function initialForm(queuedId: string | undefined): SimForm {
  const queued = queuedId ? offlineQueue.find(queuedId) : undefined;
  return queued?.kind === 'SIM' ? simFormFrom(queued.payload) : emptySimForm();
}

export function SimRegistrationPage() {
  useLoginGuard();
  const { params } = useRouter();
  const [form, setForm] = useState<SimForm>(() => initialForm(params.queued));
  const [numberLeft, setNumberLeft] = useState(false);
  const { submit, submitting, error } = useOpeningSubmit();
  const request = simRequest(form);
  const set = (change: Partial<SimForm>) => setForm((current) => ({ ...current, ...change }));

  return (
    <View className='page'>
      <PersonSection value={form} onChange={({ idNumber, name }) => set({ idNumber, name })} />
      <FieldGroup title='号卡信息'>
        <TextField
          label='手机号码'
          kind='digits'
          maxlength={11}
          placeholder='请输入新办的手机号码'
          value={form.phoneNumber}
          onChange={(phoneNumber) => set({ phoneNumber })}
          onBlur={() => setNumberLeft(true)}
          message={checkMobileField(form.phoneNumber, numberLeft)}
        />
        <PickerField
          label='卡类型'
          options={SIM_CARD_KINDS}
          labels={LABELS.simCardKind}
          value={form.cardKind}
          onChange={(cardKind) => set({ cardKind })}
        />
        <PickerField
          label='开卡用途'
          options={OPENING_PURPOSES}
          labels={LABELS.purpose}
          value={form.purpose}
          placeholder='选填'
          onChange={(purpose) => set({ purpose })}
        />
      </FieldGroup>
      <CompanionSection value={form.companion} onChange={(companion) => set({ companion })} />
      <SubmitBar
        ready={request !== null}
        submitting={submitting}
        error={error}
        onSubmit={() => request && void submit({ kind: 'SIM', payload: request, summary: simSummary(request) })}
      />
    </View>
  );
}

export default SimRegistrationPage;
