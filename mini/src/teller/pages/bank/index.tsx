import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ACCOUNT_CLASSES, LABELS, OPENING_PURPOSES } from '@duanka/shared';
import { FieldGroup, PickerField, TextField } from '../../../components/form-field';
import {
  checkCardField, checkMobileField, CompanionSection, PersonSection, SubmitBar, useOpeningSubmit,
} from '../../../components/opening-form';
import { offlineQueue } from '../../../services/offline-sync';
import { bankFormFrom, bankRequest, bankSummary, emptyBankForm, type BankForm } from './bank-form';
import { useLoginGuard } from '../../../services/use-login-guard';

function initialForm(queuedId: string | undefined): BankForm {
  const queued = queuedId ? offlineQueue.find(queuedId) : undefined;
  return queued?.kind === 'BANK' ? bankFormFrom(queued.payload) : emptyBankForm();
}

export function BankOpeningPage() {
  useLoginGuard();
  const { params } = useRouter();
  const [form, setForm] = useState<BankForm>(() => initialForm(params.queued));
  const [left, setLeft] = useState({ card: false, phone: false });
  const { submit, submitting, error } = useOpeningSubmit();
  const request = bankRequest(form);
  const set = (change: Partial<BankForm>) => setForm((current) => ({ ...current, ...change }));

  return (
    <View className='page'>
      <PersonSection value={form} onChange={({ idNumber, name }) => set({ idNumber, name })} />
      <FieldGroup title='开户信息'>
        <PickerField
          label='账户类别'
          options={ACCOUNT_CLASSES}
          labels={LABELS.accountClass}
          value={form.accountClass}
          onChange={(accountClass) => set({ accountClass })}
        />
        <TextField
          label='银行卡号'
          kind='digits'
          maxlength={19}
          placeholder='请输入银行卡号'
          value={form.cardNumber}
          onChange={(cardNumber) => set({ cardNumber })}
          onBlur={() => setLeft((l) => ({ ...l, card: true }))}
          message={checkCardField(form.cardNumber, left.card)}
        />
        <TextField
          label='预留手机号'
          kind='digits'
          maxlength={11}
          placeholder='请输入预留手机号'
          value={form.phone}
          onChange={(phone) => set({ phone })}
          onBlur={() => setLeft((l) => ({ ...l, phone: true }))}
          message={checkMobileField(form.phone, left.phone)}
        />
        <PickerField
          label='开户用途'
          options={OPENING_PURPOSES}
          labels={LABELS.purpose}
          value={form.purpose}
          onChange={(purpose) => set({ purpose })}
        />
      </FieldGroup>
      <CompanionSection value={form.companion} onChange={(companion) => set({ companion })} />
      <SubmitBar
        ready={request !== null}
        submitting={submitting}
        error={error}
        onSubmit={() => request && void submit({ kind: 'BANK', payload: request, summary: bankSummary(request) })}
      />
    </View>
  );
}

export default BankOpeningPage;
