import type { Locator, Page } from 'playwright-core';

// Driving the Taro H5 build as a user would: by the placeholders, labels and button texts on the
// screen. Taro renders its components as custom elements (taro-button-core, taro-view-core...).

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

export const DEMO_PASSWORD = 'duanka123';

export function button(page: Page | Locator, text: string): Locator {
  return page.locator('taro-button-core:visible', { hasText: exactly(text) });
}

export async function tap(page: Page | Locator, text: string): Promise<void> {
  await button(page, text).click();
}

export function textInput(page: Page | Locator, placeholder: string): Locator {
  return page.locator(`input[placeholder="${placeholder}"]:visible, textarea[placeholder="${placeholder}"]:visible`);
}

export async function type(page: Page | Locator, placeholder: string, value: string): Promise<void> {
  await textInput(page, placeholder).fill(value);
}

/** Any visible element whose own text is exactly `text`. */
export function text(page: Page | Locator, value: string): Locator {
  return page.getByText(exactly(value)).locator('visible=true');
}

export async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await type(page, '工号 / 用户名', username);
  await type(page, '密码', DEMO_PASSWORD);
  await tap(page, '登录');
  await page.locator('.staff-bar__name').waitFor();
}

/**
 * Chooses `option` in the form's picker labelled `label`: opens Taro's wheel, taps the option and
 * confirms with 确定, then checks the field shows it.
 */
export async function pick(page: Page, label: string, option: string): Promise<void> {
  const field = page.locator('taro-view-core.field', { has: page.locator('.field__label', { hasText: exactly(label) }) });
  await field.locator('.field__row').click();
  // Taro keeps one wheel per picker in the page; the open one is the only one with a box.
  const overlay = page.locator('.weui-picker:visible');
  await overlay.waitFor();
  // It slides up; tap the wheel once it is in place.
  await overlay.evaluate((el) => Promise.all(el.getAnimations().map((animation) => animation.finished)));
  // The wheel's fade mask lies over the items; the tap goes to the wheel underneath all the same.
  await overlay.locator('.weui-picker__item', { hasText: exactly(option) }).click({ force: true });
  await overlay.locator('.weui-picker__action', { hasText: exactly('确定') }).click();
  await overlay.waitFor({ state: 'hidden' });
  await field.locator('.field__value', { hasText: exactly(option) }).waitFor();
}

/** Confirms the Taro modal (Taro.showModal) whose button reads `confirm`. */
export async function confirmModal(page: Page, confirm: string): Promise<void> {
  // The modal's own element has no box (its parts are fixed): look at its content.
  const modal = page.locator('.taro-modal__content:visible');
  await modal.waitFor();
  await modal.locator('.taro-model__confirm', { hasText: exactly(confirm) }).click();
}
