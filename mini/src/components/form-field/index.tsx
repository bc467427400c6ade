import type { ReactNode } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import './index.scss';

export interface FieldMessage {
  error?: string;
  hint?: string;
}

function FieldFooter({ message }: { message?: FieldMessage }) {
  if (message?.error) return <View className='field__error'>{message.error}</View>;
  if (message?.hint) return <View className='field__hint'>{message.hint}</View>;
  return null;
}

export type TextFieldKind = 'text' | 'digits' | 'idcard' | 'password';

// WeChat shows the matching keyboard for `number`/`idcard`; a browser would render <input
// type=number> (spinners, no maxlength), so H5 gets text with a numeric keypad hint instead.
function inputTypeProps(kind: TextFieldKind) {
  if (kind === 'password') return { type: 'text' as const, password: true };
  if (kind === 'digits') {
    return process.env.TARO_ENV === 'weapp' ? { type: 'number' as const } : { type: 'text' as const, nativeProps: { inputMode: 'numeric' } };
  }
  if (kind === 'idcard') return process.env.TARO_ENV === 'weapp' ? { type: 'idcard' as const } : { type: 'text' as const };
  return { type: 'text' as const };
}

export interface TextFieldProps {
  label: string;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  kind?: TextFieldKind;
  maxlength?: number;
  message?: FieldMessage;
  children?: ReactNode;
}

export function TextField({ label, value, placeholder, onChange, onBlur, kind = 'text', maxlength = 64, message, children }: TextFieldProps) {
  const invalid = !!message?.error;
  return (
    <View className={`field${invalid ? ' field--invalid' : ''}`}>
      <View className='field__row'>
        <Text className='field__label'>{label}</Text>
        <Input
          className='field__input'
          value={value}
          placeholder={placeholder}
          placeholderClass='field__placeholder'
          maxlength={maxlength}
          onInput={(event) => onChange(event.detail.value)}
          onBlur={() => onBlur?.()}
          {...inputTypeProps(kind)}
        />
      </View>
      <FieldFooter message={message} />
      {children}
    </View>
  );
}

export interface PickerFieldProps<T extends string> {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T | undefined;
  placeholder?: string;
  onChange: (value: T) => void;
}

export function PickerField<T extends string>({ label, options, labels, value, placeholder = '请选择', onChange }: PickerFieldProps<T>) {
  const index = value === undefined ? -1 : options.indexOf(value);
  return (
    <View className='field'>
      <Picker
        mode='selector'
        range={options.map((option) => labels[option])}
        value={Math.max(index, 0)}
        onChange={(event) => onChange(options[Number(event.detail.value)])}
      >
        <View className='field__row field__row--picker'>
          <Text className='field__label'>{label}</Text>
          <Text className={index >= 0 ? 'field__value' : 'field__value field__placeholder'}>
            {index >= 0 ? labels[options[index]] : placeholder}
          </Text>
          <Text className='field__arrow'>›</Text>
        </View>
      </Picker>
    </View>
  );
}

export function FieldGroup({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <View className='field-group'>
      {title ? <View className='field-group__title'>{title}</View> : null}
      <View className='field-group__body'>{children}</View>
    </View>
  );
}
