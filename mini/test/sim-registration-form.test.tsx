import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { checkIdNumber, checkMobile, LABELS } from '@duanka/shared';
import { SimRegistrationPage } from '../src/teller/pages/sim';
import { offlineQueue } from '../src/services/offline-sync';
import { saveSession } from '../src/services/session';
import { loginResponse, openingResult } from './factories';
import { pick, submitButton, type } from './helpers';
import { answerWith, failNetwork, Taro } from './stand-ins/taro';

beforeEach(() => saveSession(loginResponse()));

function fillValidForm(): void {
  type('请输入18位身份证号', '11010519491231002X');
  type('与身份证一致', '张三');
  type('请输入新办的手机号码', '13912345678');
  pick('卡类型', LABELS.simCardKind.IOT);
  pick('是否有人陪同', LABELS.relation.NONE);
}

describe('SIM registration form', () => {
  it('validates the ID and the new number as they are typed', async () => {
    render(<SimRegistrationPage />);
    type('请输入18位身份证号', '110105194912310021');
    const badId = checkIdNumber('110105194912310021');
    expect(await screen.findByText(badId.ok ? '' : badId.message)).toBeTruthy();

    type('请输入新办的手机号码', '10012345678');
    const badPhone = checkMobile('10012345678');
    expect(await screen.findByText(badPhone.ok ? '' : badPhone.message)).toBeTruthy();
    expect(submitButton().disabled).toBe(true);
  });

  it('submits to /api/openings/sim once complete; 开卡用途 may be left out', async () => {
    render(<SimRegistrationPage />);
    expect(submitButton().disabled).toBe(true);
    fillValidForm();
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    const result = openingResult({ kind: 'SIM', verdict: 'STOP' });
    answerWith(201, result);
    fireEvent.click(submitButton());

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/teller/pages/verdict/index?id=${result.id}` }));
    const sent = Taro.request.mock.calls[0][0];
    expect(sent).toMatchObject({
      url: '/api/openings/sim',
      method: 'POST',
      data: { idNumber: '11010519491231002X', name: '张三', phoneNumber: '13912345678', cardKind: 'IOT', companionRelation: 'NONE' },
    });
    expect(sent.data).not.toHaveProperty('purpose');
  });

  it('queues the registration when the request gets no answer', async () => {
    render(<SimRegistrationPage />);
    fillValidForm();
    failNetwork();
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    fireEvent.click(submitButton());
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已离线保存，联网后自动发送' })));
    expect(offlineQueue.list()).toEqual([expect.objectContaining({ kind: 'SIM', status: 'PENDING', summary: expect.stringContaining('号码尾号 5678') })]);
  });
});
