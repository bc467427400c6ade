import { api, ApiError, NetworkError } from '../src/services/api-client';
import { currentSession, saveSession } from '../src/services/session';
import { answerWith, failNetwork, Taro } from './stand-ins/taro';
import { loginResponse } from './factories';

describe('api client', () => {
  it('logs in against /api/auth/login on the same origin', async () => {
    answerWith(200, loginResponse());
    await expect(api.login('teller01', 'secret')).resolves.toMatchObject({ staff: { role: 'TELLER' } });
    expect(Taro.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/auth/login', method: 'POST', data: { username: 'teller01', password: 'secret' } }),
    );
  });

  it('sends the stored token as a bearer token', async () => {
    saveSession(loginResponse({ accessToken: 'token-123' }));
    answerWith(200, { items: [] });
    await api.listOpenings('2025-11-28');
    expect(Taro.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/openings?date=2025-11-28', method: 'GET', header: expect.objectContaining({ Authorization: 'Bearer token-123' }) }),
    );
  });

  it("surfaces the server's Chinese message and code on a non-2xx answer", async () => {
    answerWith(400, { statusCode: 400, code: 'ID_CHECKSUM', message: '身份证号校验位不正确' });
    const failure = api.submitBankOpening({ id: 'x' } as never);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ statusCode: 400, code: 'ID_CHECKSUM', message: '身份证号校验位不正确' });
  });

  it('falls back to a Chinese message when an answer has no JSON body', async () => {
    answerWith(502, '<html>Bad Gateway</html>');
    await expect(api.listOpenings('2025-11-28')).rejects.toMatchObject({ statusCode: 502, message: '系统繁忙，请稍后重试' });
  });

  it('reports a request without any HTTP answer as a network error', async () => {
    failNetwork();
    const failure = api.listOpenings('2025-11-28');
    await expect(failure).rejects.toBeInstanceOf(NetworkError);
    await expect(failure).rejects.toMatchObject({ message: '网络连接失败，请检查网络后重试' });
  });

  it('sends the teller back to the login page when the token has expired', async () => {
    saveSession(loginResponse());
    answerWith(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' });
    await expect(api.listOpenings('2025-11-28')).rejects.toMatchObject({ message: '登录已过期，请重新登录' });
    expect(currentSession()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('records an outcome at /api/openings/:id/outcome', async () => {
    answerWith(200, {});
    await api.recordOutcome('3b241101-e2bb-4255-8caf-4136c566a962', 'REFERRED');
    expect(Taro.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/openings/3b241101-e2bb-4255-8caf-4136c566a962/outcome', method: 'POST', data: { outcome: 'REFERRED' } }),
    );
  });
});
