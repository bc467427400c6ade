import { useEffect, useState } from 'react';
import { Button, Textarea, View } from '@tarojs/components';
import { DISPOSITIONS, LABELS, TRUTH_LABELS, type Disposition, type TruthLabel } from '@duanka/shared';
import { flag } from '../../../components/flag';
import { ChoiceList, Sheet, SheetError, useSubmit } from '../../../components/sheet';
import type { DisposeInput } from '../../../services/api-types';

export interface DisposeSheetProps {
  open: boolean;
  onClose: () => void;
  onSubmit: (input: DisposeInput) => Promise<void>;
}

/** 登记处置结果: what was done (fed back to the counter) and whether the alert was right. */
export function DisposeSheet({ open, onClose, onSubmit }: DisposeSheetProps) {
  const [disposition, setDisposition] = useState<Disposition | undefined>();
  const [label, setLabel] = useState<TruthLabel | undefined>();
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit(open);
  useEffect(() => {
    if (!open) return;
    setDisposition(undefined);
    setLabel(undefined);
    setNote('');
  }, [open]);
  return (
    <Sheet open={open} title='登记处置结果' onClose={onClose}>
      <View className='sheet__label'>处置方式（将反馈给开户网点）</View>
      <ChoiceList options={DISPOSITIONS} labels={LABELS.disposition} value={disposition} onChange={setDisposition} />
      <View className='sheet__label'>核查结论</View>
      <ChoiceList options={TRUTH_LABELS} labels={LABELS.truthLabel} value={label} onChange={setLabel} />
      <View className='sheet__label'>处置说明（选填）</View>
      <Textarea className='sheet__textarea' placeholder='如：已电话联系本人，告知出租出借银行卡的法律后果' value={note} maxlength={500} onInput={(e) => setNote(e.detail.value)} />
      <SheetError error={error} />
      <Button
        className='btn btn--primary'
        disabled={flag(!disposition || !label || busy)}
        onClick={() => disposition && label && void run(() => onSubmit({ disposition, label, note }))}
      >
        {busy ? '正在提交…' : '提交处置结果'}
      </Button>
    </Sheet>
  );
}
