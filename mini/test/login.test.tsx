import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { LoginPage } from '../src/pages/login';
import { currentSession } from '../src/services/session';
import { loginResponse } from './factories';
import { type } from './helpers';
import { answerWith, Taro } from './stand-ins/taro';

function logIn(username = 'teller01', password = 'secret'): void {
  type('工号 / 用户名', username);
  type('密码', password);
  fireEvent.click(screen.getByRole('button', { name: /登录/ }));
}

describe('login', () => {
  const platform = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = platform;
  });

  it.each([
    ['TELLER', '/teller/pages/home/index'],
    ['POLICE_OFFICER', '/police/pages/home/index'],
    ['SQUAD_ADMIN', '/police/pages/home/index'],
    ['INSTITUTION_ADMIN', '/admin/pages/home/index'],
    ['SYSTEM_ADMIN', '/admin/pages/home/index'],
  ] as const)('takes a %s to %s and keeps the token', async (role, home) => {
    render(<LoginPage />);
    answerWith(200, loginResponse({}, { role }));
    logIn();
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: home }));
    expect(currentSession()?.staff.role).toBe(role);
    expect(Taro.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/auth/login', method: 'POST', data: { username: 'teller01', password: 'secret' } }),
    );
  });

  it('keeps 登录 disabled until both fields are filled', async () => {
    render(<LoginPage />);
    const button = screen.getByRole('button', { name: '登录' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    type('工号 / 用户名', 'teller01');
    expect(button.disabled).toBe(true);
    type('密码', 'secret');
    await waitFor(() => expect(button.disabled).toBe(false));
  });

  it('shows the server’s message when the password is wrong', async () => {
    render(<LoginPage />);
    answerWith(401, { statusCode: 401, code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
    logIn();
    expect((await screen.findByRole('alert')).textContent).toBe('用户名或密码错误');
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('in the browser build offers no WeChat login', async () => {
    process.env.TARO_ENV = 'h5';
    render(<LoginPage />);
    expect(screen.queryByRole('button', { name: '微信一键登录' })).toBeNull();
  });

  it('on WeChat logs in with the wx.login code', async () => {
    process.env.TARO_ENV = 'weapp';
    render(<LoginPage />);
    answerWith(200, loginResponse());
    fireEvent.click(screen.getByRole('button', { name: '微信一键登录' }));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/teller/pages/home/index' }));
    expect(Taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/auth/wechat', data: { code: 'wx-login-code' } }));
  });

  it('when the WeChat is not bound yet, offers to bind it after a password login', async () => {
    process.env.TARO_ENV = 'weapp';
    render(<LoginPage />);
    answerWith(401, { statusCode: 401, code: 'WECHAT_NOT_BOUND', message: '该微信尚未绑定工作账号' });
    fireEvent.click(screen.getByRole('button', { name: '微信一键登录' }));
    expect(await screen.findByText(/请先用账号密码登录，登录后将自动绑定此微信/)).toBeTruthy();

    answerWith(200, loginResponse());
    answerWith(204, null);
    type('工号 / 用户名', 'teller01');
    type('密码', 'secret');
    fireEvent.click(screen.getByRole('button', { name: '登录并绑定微信' }));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/teller/pages/home/index' }));
    const bind = Taro.request.mock.calls[2][0];
    expect(bind).toMatchObject({ url: '/api/auth/wechat/bind', method: 'POST', data: { code: 'wx-login-code' } });
    expect(bind.header.Authorization).toBe('Bearer access-token');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已绑定微信，下次可一键登录' }));
  });
});
