import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { apiGet, apiLogin, type OpeningRow } from './support/api';
import { launchChromium, phone } from './support/browser';
import { startCity, type City } from './support/city';
import { confirmModal, logIn, pick, tap, text, type } from './support/h5';
import { cityToday, masked, newIcbcCard, newIdNumber, newMobile, newName } from './support/people';

// A counter loses its network in the middle of a registration: the opening is kept on the
// device, and sent exactly once when the network is back.

const TELLER = 'teller.icbc.nangang.1';

describe('offline queue in the browser', { timeout: 180_000 }, () => {
  let city: City;
  let browser: Browser;

  before(async () => {
    city = await startCity();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await city?.stop();
  });

  it('keeps a registration made offline and sends it once when the network returns', async () => {
    const { context, page } = await phone(browser, city.url);
    const customer = { idNumber: newIdNumber(), name: newName() };
    await logIn(page, TELLER);
    await text(page, '待发送 0 条').waitFor();
    await page.locator('.action__title', { hasText: '银行开户登记' }).click();

    await context.setOffline(true);
    await type(page, '请输入18位身份证号', customer.idNumber);
    await type(page, '与身份证一致', customer.name);
    await pick(page, '账户类别', 'II类户');
    await type(page, '请输入银行卡号', newIcbcCard());
    await type(page, '请输入预留手机号', newMobile());
    await pick(page, '开户用途', '代发工资');
    await pick(page, '是否有人陪同', '无人陪同');
    await tap(page, '提交研判');

    await page.locator('.taro-modal__content:visible', { hasText: '已离线保存，联网后自动发送' }).waitFor();
    await confirmModal(page, '知道了');
    await text(page, '待发送 1 条').waitFor();

    // Back online: the app sends it by itself (the browser's `online` event).
    await context.setOffline(false);
    await text(page, '待发送 0 条').waitFor({ timeout: 20_000 });

    const token = await apiLogin(city.url, TELLER);
    const { items } = await apiGet<{ items: OpeningRow[] }>(city.url, token, `/openings?date=${cityToday()}`);
    const mine = items.filter((o) => o.maskedIdNumber === masked(customer.idNumber));
    assert.equal(mine.length, 1, 'the queued opening is recorded exactly once');
    assert.equal(mine[0].verdict, 'PASS');

    // A reload of the list shows it once, judged.
    await page.reload();
    const rows = page.locator('taro-view-core.today__row', { hasText: masked(customer.idNumber) });
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    await context.close();
  });
});
