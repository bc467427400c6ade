import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiGet, apiLogin, type OpeningRow } from './support/api';
import { launchChromium, phone, screenshot, scrollToTop } from './support/browser';
import { startCity, type City } from './support/city';
import { button, logIn, pick, tap, text, type } from './support/h5';
import { cityToday, masked, newIcbcCard, newIdNumber, newMobile, newName } from './support/people';

// The product's whole loop in two browsers: a teller at 中国工商银行哈尔滨南岗支行 registers
// openings; the officer of 南岗分局 watches the alerts of the district live, handles the one the
// teller's STOP raised, the squad closes it, and the counter sees the outcome.

const TELLER = 'teller.icbc.nangang.1';
const OFFICER = 'police.nangang';
const SQUAD = 'squad.admin';
const BRANCH = '中国工商银行哈尔滨南岗支行';
const ALERT_TITLE = `${BRANCH}：同一银行重复开立I类户`;

const customer = { idNumber: newIdNumber(), name: newName(), phone: newMobile() };

async function fillBankForm(page: Page, cardNumber: string): Promise<void> {
  await type(page, '请输入18位身份证号', customer.idNumber);
  await text(page, '籍贯 黑龙江省哈尔滨市南岗区').waitFor();
  await type(page, '与身份证一致', customer.name);
  await pick(page, '账户类别', 'I类户');
  await type(page, '请输入银行卡号', cardNumber);
  await page.locator('.field__hint', { hasText: '中国工商银行' }).waitFor();
  await type(page, '请输入预留手机号', customer.phone);
  await pick(page, '开户用途', '代发工资');
  await pick(page, '是否有人陪同', '无人陪同');
}

async function openBankForm(page: Page): Promise<void> {
  await page.locator('.action__title', { hasText: '银行开户登记' }).click();
  await page.locator('input[placeholder="请输入18位身份证号"]').waitFor();
}

describe('from the counter to the police and back', { timeout: 240_000 }, () => {
  let city: City;
  let browser: Browser;
  let teller: Page;
  let officer: Page;

  before(async () => {
    city = await startCity();
    browser = await launchChromium();
    teller = (await phone(browser, city.url)).page;
    officer = (await phone(browser, city.url)).page;
  });

  after(async () => {
    await browser?.close();
    await city?.stop();
  });

  it('a teller logs in and gets 通过 for an ordinary new customer', async () => {
    await teller.goto('/');
    await teller.locator('input[placeholder="工号 / 用户名"]').waitFor();
    await screenshot(teller, 'login');
    await logIn(teller, TELLER);
    await text(teller, '今日登记').waitFor();
    await screenshot(teller, 'teller-home');

    await openBankForm(teller);
    await fillBankForm(teller, newIcbcCard());
    await screenshot(teller, 'bank-form');
    await tap(teller, '提交研判');

    const title = teller.locator('.verdict__title');
    await title.waitFor();
    assert.equal(await title.textContent(), '通过');
    assert.equal(await teller.locator('.verdict--pass').count(), 1);
    await text(teller, masked(customer.idNumber)).waitFor();
    await screenshot(teller, 'verdict-pass');

    await tap(teller, '已办理');
    await text(teller, '今日登记').waitFor();
  });

  it('the officer of the district has the alert list open; the same customer’s second Class I account is stopped', async () => {
    await logIn(officer, OFFICER);
    await text(officer, '实时推送中').waitFor();
    assert.equal(await officer.locator('.alert-row__title', { hasText: ALERT_TITLE }).count(), 0);
    // Marks this page: after a reload the mark would be gone.
    await officer.evaluate(() => ((window as unknown as { e2eNoReload: boolean }).e2eNoReload = true));

    await openBankForm(teller);
    await fillBankForm(teller, newIcbcCard());
    await tap(teller, '提交研判');
    const title = teller.locator('.verdict__title');
    await title.waitFor();
    assert.equal(await title.textContent(), '停止办理');
    const reason = teller.locator('.hit', { hasText: '同一银行重复开立I类户' });
    await reason.waitFor();
    assert.match((await reason.textContent()) ?? '', /同一银行只能开立一个Ⅰ类户/);
    await text(teller, '已推送辖区公安，处置结果会反馈到这里和「今日登记」').waitFor();
    await screenshot(teller, 'verdict-stop');
  });

  it('the new alert appears on the officer’s list at once, without a reload', async () => {
    const row = officer.locator('taro-view-core.alert-row', { has: officer.locator('.alert-row__title', { hasText: ALERT_TITLE }) });
    await row.waitFor({ timeout: 10_000 });
    assert.equal(await officer.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload), true, 'the list page was reloaded');
    assert.match((await row.getAttribute('class')) ?? '', /alert-row--fresh/);
    assert.match((await row.textContent()) ?? '', /停止办理.*新/);
    await screenshot(officer, 'police-alerts');

    const teller = await apiLogin(city.url, TELLER);
    const { items } = await apiGet<{ items: OpeningRow[] }>(city.url, teller, `/openings?date=${cityToday()}`);
    const stopped = items.find((o) => o.maskedIdNumber === masked(customer.idNumber) && o.verdict === 'STOP');
    assert.equal(stopped?.alert?.status, 'NEW');
  });

  it('the officer opens it, accepts it and disposes of it: 警示劝导, 确有风险', async () => {
    await officer.locator('.alert-row__title', { hasText: ALERT_TITLE }).click();
    await officer.locator('.alert-hero__title', { hasText: ALERT_TITLE }).waitFor();
    await officer.locator('.hit__title', { hasText: '同一银行重复开立I类户' }).waitFor();
    await text(officer, '查看当事人全市开户时间线').waitFor();
    await screenshot(officer, 'alert-detail');

    await tap(officer, '签收');
    await tap(officer, '确认签收');
    await officer.locator('.alert-hero .alert-status', { hasText: '已签收' }).waitFor();

    await tap(officer, '登记处置结果');
    const sheet = officer.locator('taro-view-core.sheet');
    await sheet.locator('.choice__label', { hasText: '已警示劝导' }).click();
    await sheet.locator('.choice__label', { hasText: '确有风险' }).click();
    await type(sheet, '如：已电话联系本人，告知出租出借银行卡的法律后果', '已当面警示客户出租出借银行卡的法律后果');
    await tap(sheet, '提交处置结果');
    await officer.locator('.alert-hero .alert-status', { hasText: '已处置' }).waitFor();
    await officer.locator('.info-row', { hasText: '处置结果' }).locator('text=已警示劝导').waitFor();
    const log = officer.locator('.action-log');
    await log.locator('.action-log__what', { hasText: '登记处置结果' }).waitFor();
    assert.match((await log.textContent()) ?? '', /处置：已警示劝导/);
    assert.equal(await button(officer, '签收').count(), 0, 'a disposed alert cannot be accepted again');
  });

  it('the squad sees the numbers, closes the alert, the rules are there to tune and the officer\'s steps are on record', async () => {
    const { page: squad } = await phone(browser, city.url);
    await logIn(squad, SQUAD);
    await squad.locator('.status-tabs__tab', { hasText: '已处置' }).click();
    await squad.locator('.alert-row__title', { hasText: ALERT_TITLE }).click();
    await tap(squad, '确认办结');
    await tap(squad, '办结并反馈机构');
    await squad.locator('.alert-hero .alert-status', { hasText: '已办结' }).waitFor();

    await squad.goto('/#/dashboard/pages/index/index');
    const openings = squad.locator('taro-view-core.tile', { has: squad.locator('.tile__label', { hasText: '今日登记' }) }).locator('.tile__value');
    await openings.waitFor();
    assert.ok(Number(await openings.textContent()) >= 2, 'today counts at least the two openings of this test');
    const closedLoop = squad.locator('taro-view-core.tile', { has: squad.locator('.tile__label', { hasText: '闭环率' }) }).locator('.tile__value');
    assert.match((await closedLoop.textContent()) ?? '', /^\d+(\.\d)?%$/);
    await squad.locator('.bars__label', { hasText: '同一银行重复开立I类户' }).waitFor();
    await screenshot(squad, 'squad-dashboard');
    await scrollToTop(squad.locator('.section__title:visible', { hasText: '趋势' }));
    await screenshot(squad, 'squad-dashboard-trends');

    await squad.locator('.area-tabs__tab:visible', { hasText: '管理' }).click();
    await squad.locator('.admin-menu__title', { hasText: '研判规则' }).click();
    await squad.locator('.rule-item__name', { hasText: '短期内多家银行开户' }).waitFor();
    assert.equal(await squad.locator('taro-view-core.rule-item').count(), 13);
    await screenshot(squad, 'admin-rules');

    // What the officer did with the alert is on record, for the squad to audit.
    await squad.goto('/#/admin/pages/audit/index');
    const handled = squad.locator('taro-view-core.audit-entry', { has: squad.locator('.audit-entry__action', { hasText: '处置告警' }) });
    await handled.filter({ hasText: OFFICER }).first().waitFor();
    assert.equal(await squad.locator('taro-view-core.audit-entry', { hasText: TELLER }).count(), 0, 'the squad audits police accounts, not tellers');
    await screenshot(squad, 'admin-audit');
    await squad.context().close();
  });

  it('the teller sees the police feedback on 今日登记 and on the reopened verdict', async () => {
    await teller.goto('/#/teller/pages/home/index');
    const row = teller.locator('taro-view-core.today__row', { has: teller.locator('.verdict-badge', { hasText: '停止办理' }) }).filter({ hasText: masked(customer.idNumber) });
    await row.locator('.today__feedback', { hasText: '公安处置：已警示劝导 · 已办结' }).waitFor();
    await screenshot(teller, 'teller-feedback');

    await row.click();
    await teller.locator('.verdict__feedback-text', { hasText: '公安处置：已警示劝导 · 已办结' }).waitFor();
    assert.equal(await teller.locator('.verdict__title').textContent(), '停止办理');
  });
});
