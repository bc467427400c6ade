import { useState } from 'react';
import { COMPANION_RELATIONS, LABELS } from '@duanka/shared';
import { FieldGroup, PickerField, TextField } from '../form-field';
import { checkMobileField, checkNameField, type CompanionAnswer } from './checks';

/** 是否有人陪同; a companion's name and phone are asked only when there is one. */
export function CompanionSection({ value, onChange }: { value: CompanionAnswer; onChange: (next: CompanionAnswer) => void }) {
  const [phoneLeft, setPhoneLeft] = useState(false);
  const phone = checkMobileField(value.phone, phoneLeft);
  return (
    <FieldGroup title='陪同情况'>
      <PickerField
        label='是否有人陪同'
        options={COMPANION_RELATIONS}
        labels={LABELS.relation}
        value={value.relation}
        onChange={(relation) => onChange({ ...value, relation })}
      />
      {value.relation !== undefined && value.relation !== 'NONE' ? (
        <>
          <TextField
            label='陪同人姓名'
            placeholder='请输入陪同人姓名'
            value={value.name}
            onChange={(name) => onChange({ ...value, name })}
            message={{ error: checkNameField(value.name).error }}
          />
          <TextField
            label='陪同人电话'
            kind='digits'
            maxlength={11}
            placeholder='请输入陪同人手机号'
            value={value.phone}
            onChange={(phoneInput) => onChange({ ...value, phone: phoneInput })}
            onBlur={() => setPhoneLeft(true)}
            message={phone}
          />
        </>
      ) : null}
    </FieldGroup>
  );
}
