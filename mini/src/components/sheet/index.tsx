import { useEffect, useState, type ReactNode } from 'react';
import { Button, Input, ScrollView, Text, Textarea, View } from '@tarojs/components';
import { flag } from '../flag';
import './index.scss';

export interface SheetProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** A panel that slides up over the page (WeChat's action-sheet shape) for a short form. */
export function Sheet({ open, title, onClose, children }: SheetProps) {
  if (!open) return null;
  return (
    <View className='sheet' role='dialog'>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          <Text className='sheet__title'>{title}</Text>
          <Text className='sheet__close' onClick={onClose}>取消</Text>
        </View>
        <ScrollView scrollY className='sheet__body'>
          {children}
        </ScrollView>
      </View>
    </View>
  );
}

/** Runs an async submit with a busy flag and the server's message on failure. */
export function useSubmit(open: boolean) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  async function run(task: () => Promise<void>): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (caught) {
      setError(caught instanceof Error && caught.message ? caught.message : '操作失败，请重试');
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}

export function SheetError({ error }: { error: string | null }) {
  return error ? <View className='sheet__error' role='alert'>{error}</View> : null;
}

export interface PromptSheetProps {
  open: boolean;
  title: string;
  description?: string;
  placeholder: string;
  /** Without text the confirm button stays disabled. */
  required?: boolean;
  /** A masked single-line input instead of a text area (new passwords). */
  password?: boolean;
  minLength?: number;
  confirmText: string;
  danger?: boolean;
  onConfirm: (text: string) => Promise<void>;
  onClose: () => void;
}

/** Asks for one piece of text (a note, a reason, a password) and submits it. */
export function PromptSheet({ open, title, description, placeholder, required, password, minLength = 1, confirmText, danger, onConfirm, onClose }: PromptSheetProps) {
  const [text, setText] = useState('');
  const { busy, error, run } = useSubmit(open);
  useEffect(() => {
    if (open) setText('');
  }, [open]);
  const ready = !required || text.trim().length >= minLength;
  return (
    <Sheet open={open} title={title} onClose={onClose}>
      {description ? <View className='sheet__description'>{description}</View> : null}
      {password ? (
        <Input className='sheet__input' password placeholder={placeholder} value={text} maxlength={128} onInput={(e) => setText(e.detail.value)} />
      ) : (
        <Textarea className='sheet__textarea' placeholder={placeholder} value={text} maxlength={500} onInput={(e) => setText(e.detail.value)} />
      )}
      <SheetError error={error} />
      <Button
        className={`btn ${danger ? 'btn--danger' : 'btn--primary'}`}
        disabled={flag(!ready || busy)}
        onClick={() => void run(() => onConfirm(text.trim()))}
      >
        {busy ? '正在提交…' : confirmText}
      </Button>
    </Sheet>
  );
}

export interface ChoiceListProps<T extends string> {
  options: readonly T[];
  labels: Record<T, string>;
  value: T | undefined;
  onChange: (value: T) => void;
  /** Indentation per option (e.g. the depth of a unit in the police tree). */
  depth?: Partial<Record<T, number>>;
}

/** A radio list: every option visible at once, one tap to choose (easier than a wheel picker). */
export function ChoiceList<T extends string>({ options, labels, value, onChange, depth }: ChoiceListProps<T>) {
  return (
    <View className='choice-list'>
      {options.map((option) => (
        <View
          key={option}
          className={`choice${option === value ? ' choice--on' : ''}`}
          style={depth?.[option] ? { paddingLeft: `${8 + 14 * (depth[option] ?? 0)}px` } : undefined}
          onClick={() => onChange(option)}
        >
          <Text className='choice__mark'>{option === value ? '●' : '○'}</Text>
          <Text className='choice__label'>{labels[option]}</Text>
        </View>
      ))}
    </View>
  );
}
