// A stand-in for @tarojs/components: plain DOM elements with Taro's event shapes
// (`event.detail.value`), so components behave in jsdom as in the H5 build.
import type { ChangeEvent, ReactNode } from 'react';

type Common = { className?: string; children?: ReactNode; onClick?: () => void; role?: string; style?: Record<string, string | number> };

export function View({ className, children, onClick, role, style }: Common) {
  return <div className={className} onClick={onClick} role={role} style={style}>{children}</div>;
}

export function ScrollView({ className, children }: Common & { scrollX?: boolean; scrollY?: boolean }) {
  return <div className={className}>{children}</div>;
}

export function Text({ className, children, onClick }: Common) {
  return <span className={className} onClick={onClick}>{children}</span>;
}

export function Button({ className, children, onClick, disabled }: Common & { disabled?: boolean; loading?: boolean }) {
  return <button type='button' className={className} disabled={disabled} onClick={onClick}>{children}</button>;
}

interface InputProps {
  className?: string;
  value?: string;
  placeholder?: string;
  maxlength?: number;
  password?: boolean;
  type?: string;
  onInput?: (event: { detail: { value: string } }) => void;
  onBlur?: (event: { detail: { value: string } }) => void;
  onConfirm?: (event: { detail: { value: string } }) => void;
}

export function Input({ className, value, placeholder, maxlength, password, onInput, onBlur }: InputProps) {
  return (
    <input
      className={className}
      value={value ?? ''}
      placeholder={placeholder}
      maxLength={maxlength}
      type={password ? 'password' : 'text'}
      onChange={(event: ChangeEvent<HTMLInputElement>) => onInput?.({ detail: { value: event.target.value } })}
      onBlur={(event) => onBlur?.({ detail: { value: event.target.value } })}
    />
  );
}

export function Textarea({ className, value, placeholder, maxlength, onInput }: InputProps) {
  return (
    <textarea
      className={className}
      value={value ?? ''}
      placeholder={placeholder}
      maxLength={maxlength !== undefined && maxlength >= 0 ? maxlength : undefined}
      onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onInput?.({ detail: { value: event.target.value } })}
    />
  );
}

export function Switch({ checked, onChange }: { checked?: boolean; color?: string; onChange?: (event: { detail: { value: boolean } }) => void }) {
  return (
    <input
      type='checkbox'
      role='switch'
      checked={!!checked}
      onChange={(event: ChangeEvent<HTMLInputElement>) => onChange?.({ detail: { value: event.target.checked } })}
    />
  );
}

interface PickerProps {
  mode?: string;
  range?: string[];
  children?: ReactNode;
  onChange?: (event: { detail: { value: number } }) => void;
}

/**
 * Renders its children plus a <select> of the range, as the place a test picks an option. The
 * select always shows a blank entry, so that choosing any option (even the first) is a change.
 */
export function Picker({ range = [], children, onChange }: PickerProps) {
  return (
    <div className='picker'>
      {children}
      <select value='' onChange={(event) => onChange?.({ detail: { value: Number(event.target.value) } })}>
        <option value='' disabled />
        {range.map((label, index) => (
          <option key={label} value={String(index)}>{label}</option>
        ))}
      </select>
    </div>
  );
}
