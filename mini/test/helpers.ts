import { fireEvent, screen } from '@testing-library/react';

/** Types into the text field whose placeholder is given, as a teller would. */
export function type(placeholder: string, value: string): void {
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
}

export function leave(placeholder: string): void {
  fireEvent.blur(screen.getByPlaceholderText(placeholder));
}

/** Opens the picker labelled `label` and chooses the option shown as `option`. */
export function pick(label: string, option: string): void {
  const field = screen.getByText(label).closest('.field');
  const select = field?.querySelector('select');
  if (!select) throw new Error(`no picker labelled ${label}`);
  const choice = Array.from(select.options).find((o) => o.textContent === option);
  if (!choice) throw new Error(`picker ${label} has no option ${option}: ${Array.from(select.options, (o) => o.textContent).join(', ')}`);
  fireEvent.change(select, { target: { value: choice.value } });
}

export function submitButton(): HTMLButtonElement {
  return screen.getByRole('button', { name: /提交研判|正在研判/ }) as HTMLButtonElement;
}
