import { useEffect, useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { LABELS, type Role } from '@duanka/shared';
import { flag } from '../../../components/flag';
import { ChoiceList, Sheet, SheetError, useSubmit } from '../../../components/sheet';
import type { BranchItem, NewStaff, PoliceUnitItem } from '../../../services/api-types';
import { bindingOf, CREATABLE, emptyDraft, institutionsOf, staffRequest, type StaffDraft } from './staff-form';

export interface CreateSheetProps {
  open: boolean;
  role: Role;
  ownInstitution: string | null;
  branches: BranchItem[];
  units: PoliceUnitItem[];
  onClose: () => void;
  onSubmit: (request: NewStaff) => Promise<void>;
}

function Choice<T extends { id: string; name: string }>({ label, items, value, onChange }: { label: string; items: T[]; value?: string; onChange: (id: string) => void }) {
  const index = items.findIndex((item) => item.id === value);
  return (
    <Picker mode='selector' range={items.map((item) => item.name)} value={Math.max(index, 0)} onChange={(e) => onChange(items[Number(e.detail.value)].id)}>
      <View className='sheet__input sheet__picker'>
        <Text>{index >= 0 ? items[index].name : `请选择${label}`}</Text>
      </View>
    </Picker>
  );
}

/** 新建账号: who, which role, bound to which branch, institution or police unit, first password. */
export function CreateStaffSheet({ open, role, ownInstitution, branches, units, onClose, onSubmit }: CreateSheetProps) {
  const [draft, setDraft] = useState<StaffDraft>(emptyDraft);
  const { busy, error, run } = useSubmit(open);
  useEffect(() => {
    if (open) setDraft(emptyDraft());
  }, [open]);
  const set = (change: Partial<StaffDraft>) => setDraft((d) => ({ ...d, ...change }));
  const roles = CREATABLE[role];
  const binding = bindingOf(draft.role);
  const { request, missing } = staffRequest(draft, ownInstitution);
  return (
    <Sheet open={open} title='新建账号' onClose={onClose}>
      <View className='sheet__label'>用户名（登录用）</View>
      <Input className='sheet__input' placeholder='如 teller.icbc.nangang.2' value={draft.username} maxlength={64} onInput={(e) => set({ username: e.detail.value })} />
      <View className='sheet__label'>姓名</View>
      <Input className='sheet__input' placeholder='显示在页面上的姓名' value={draft.displayName} maxlength={64} onInput={(e) => set({ displayName: e.detail.value })} />
      <View className='sheet__label'>角色</View>
      <ChoiceList options={roles} labels={LABELS.role} value={draft.role} onChange={(next) => set({ role: next })} />
      {binding === 'branch' ? (
        <>
          <View className='sheet__label'>所在网点</View>
          <Choice label='网点' items={branches} value={draft.branchId} onChange={(branchId) => set({ branchId })} />
        </>
      ) : null}
      {binding === 'institution' && !ownInstitution ? (
        <>
          <View className='sheet__label'>所属机构</View>
          <Choice label='机构' items={institutionsOf(branches)} value={draft.institutionId} onChange={(institutionId) => set({ institutionId })} />
        </>
      ) : null}
      {binding === 'unit' ? (
        <>
          <View className='sheet__label'>所在公安单位</View>
          <Choice label='公安单位' items={units} value={draft.policeUnitId} onChange={(policeUnitId) => set({ policeUnitId })} />
        </>
      ) : null}
      <View className='sheet__label'>初始密码</View>
      <Input className='sheet__input' password placeholder='至少 8 位，首次登录后请本人修改' value={draft.password} maxlength={128} onInput={(e) => set({ password: e.detail.value })} />
      {missing ? <View className='sheet__description'>{missing}</View> : null}
      <SheetError error={error} />
      <Button className='btn btn--primary' disabled={flag(!request || busy)} onClick={() => request && void run(() => onSubmit(request))}>
        {busy ? '正在创建…' : '创建账号'}
      </Button>
    </Sheet>
  );
}
