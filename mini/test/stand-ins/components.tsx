// A stand-in for @tarojs/components: plain DOM elements with Taro's event shapes
// (`event.detail.value`), so components behave in jsdom as in the H5 build.
import type { ChangeEvent, ReactNode } from 'react';

type Common = { className?: string; children?: ReactNode; onClick?: () => void; role?: string };

export function View({ className, children, onClick, role }: Common) {
  return <div className={className} onClick={onClick} role={role}>{children}</div>;
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

interface PickerProps {
  range: string[];
  children?: ReactNode;
  onChange?: (event: { detail: { value: number } }) => void;
}

/**
 * Renders its children plus a <select> of the range, as the place a test picks an option. The
 * select always shows a blank entry, so that choosing any option (even the first) is a change.
 */
export function Picker({ range, children, onChange }: PickerProps) {
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
