import { useEffect, useState } from 'react';
import { Button, Input, Picker, View } from '@tarojs/components';
import { LABELS, WATCHLIST_KINDS, type WatchlistKind } from '@duanka/shared';
import { flag } from '../../../components/flag';
import { ChoiceList, Sheet, SheetError, useSubmit } from '../../../components/sheet';
import type { WatchlistInput, WatchlistTarget } from '../../../services/api-types';
import { localDate } from '../../../services/format';

export const TARGET_LABEL: Record<WatchlistTarget, string> = { PERSON: '身份证号', PHONE: '手机号', CARD: '银行卡号' };

// The server's rule: punished sellers and vulnerable people are persons; fraud-linked may be any.
const TARGETS: Record<WatchlistKind, readonly WatchlistTarget[]> = {
  PUNISHED: ['PERSON'],
  VULNERABLE: ['PERSON'],
  FRAUD_LINKED: ['PHONE', 'CARD', 'PERSON'],
};

export interface AddSheetProps {
  open: boolean;
  onClose: () => void;
  onSubmit: (input: WatchlistInput) => Promise<void>;
}

/** 登记一条名单: the list, what is listed, the number, why, and until when. */
export function AddWatchlistSheet({ open, onClose, onSubmit }: AddSheetProps) {
  const [kind, setKind] = useState<WatchlistKind>('PUNISHED');
  const [target, setTarget] = useState<WatchlistTarget>('PERSON');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState('');
  const { busy, error, run } = useSubmit(open);
  useEffect(() => {
    if (!open) return;
    setValue('');
    setReason('');
    setExpires('');
  }, [open]);
  const targets = TARGETS[kind];
  const chooseKind = (next: WatchlistKind) => {
    setKind(next);
    if (!TARGETS[next].includes(target)) setTarget(TARGETS[next][0]);
  };
  const ready = value.trim() !== '' && reason.trim() !== '';
  return (
    <Sheet open={open} title='登记名单' onClose={onClose}>
      <View className='sheet__label'>名单类别</View>
      <ChoiceList options={WATCHLIST_KINDS} labels={LABELS.watchlistKind} value={kind} onChange={chooseKind} />
      {targets.length > 1 ? (
        <>
          <View className='sheet__label'>登记对象</View>
          <ChoiceList options={targets} labels={TARGET_LABEL} value={target} onChange={setTarget} />
        </>
      ) : null}
      <View className='sheet__label'>{TARGET_LABEL[target]}</View>
      <Input className='sheet__input' placeholder={`请输入${TARGET_LABEL[target]}`} value={value} maxlength={32} onInput={(e) => setValue(e.detail.value)} />
      <View className='sheet__label'>登记原因</View>
      <Input className='sheet__input' placeholder='如：出租出借银行卡，惩戒期 5 年' value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} />
      <Picker mode='date' value={expires || localDate()} start={localDate()} onChange={(e) => setExpires(String(e.detail.value))}>
        <View className='sheet__input sheet__picker'>{expires ? `有效期至 ${expires}` : '有效期：长期（点此设置到期日）'}</View>
      </Picker>
      <SheetError error={error} />
      <Button
        className='btn btn--primary'
        disabled={flag(!ready || busy)}
        onClick={() =>
          void run(() =>
            onSubmit({ kind, target, value: value.trim(), reason: reason.trim(), ...(expires ? { expiresAt: `${expires}T23:59:59+08:00` } : {}) }),
          )
        }
      >
        {busy ? '正在提交…' : '确认登记'}
      </Button>
    </Sheet>
  );
}
