import { useEffect, useState } from 'react';
import { Button, Textarea, View } from '@tarojs/components';
import { flag } from '../../../components/flag';
import { ChoiceList, Sheet, SheetError, useSubmit } from '../../../components/sheet';
import type { PoliceUnitItem } from '../../../services/api-types';

export interface AssignSheetProps {
  open: boolean;
  /** The units below the officer's own, with their depth in the tree. */
  units: { unit: PoliceUnitItem; depth: number }[];
  onClose: () => void;
  onSubmit: (unitId: string, note: string) => Promise<void>;
}

/** 指派下级: hands the alert to a station or community post below the officer's unit. */
export function AssignSheet({ open, units, onClose, onSubmit }: AssignSheetProps) {
  const [unitId, setUnitId] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit(open);
  useEffect(() => {
    if (!open) return;
    setUnitId(undefined);
    setNote('');
  }, [open]);
  const ids = units.map((entry) => entry.unit.id);
  const labels = Object.fromEntries(units.map((entry) => [entry.unit.id, entry.unit.name]));
  const depth = Object.fromEntries(units.map((entry) => [entry.unit.id, entry.depth - 1]));
  return (
    <Sheet open={open} title='指派下级单位' onClose={onClose}>
      <View className='sheet__label'>指派给</View>
      <ChoiceList options={ids} labels={labels} value={unitId} onChange={setUnitId} depth={depth} />
      <View className='sheet__label'>指派说明（选填）</View>
      <Textarea className='sheet__textarea' placeholder='如：请社区民警上门核实' value={note} maxlength={500} onInput={(e) => setNote(e.detail.value)} />
      <SheetError error={error} />
      <Button className='btn btn--primary' disabled={flag(!unitId || busy)} onClick={() => unitId && void run(() => onSubmit(unitId, note))}>
        {busy ? '正在提交…' : '确认指派'}
      </Button>
    </Sheet>
  );
}
