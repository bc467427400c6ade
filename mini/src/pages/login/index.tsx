import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { LoginResponse } from '@duanka/shared';
import { flag } from '../../components/flag';
import { api, ApiError } from '../../services/api-client';
import { currentSession, homePageFor, saveSession } from '../../services/session';
import './index.scss';

async function wechatCode(): Promise<string> {
  const { code } = await Taro.login();
  if (!code) throw new Error('未能获取微信登录凭证，请重试');
  return code;
}

function enter(login: LoginResponse): void {
  const session = saveSession(login);
  void Taro.reLaunch({ url: homePageFor(session.staff.role) });
}

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Set when WeChat login found no bound account: bind this WeChat after the password login.
  const [bindAfterLogin, setBindAfterLogin] = useState(false);
  const ready = username.trim() !== '' && password !== '';

  useDidShow(() => {
    const session = currentSession();
    if (session) void Taro.reLaunch({ url: homePageFor(session.staff.role) });
  });

  async function run(task: () => Promise<void>): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (caught) {
      setError(caught instanceof Error && caught.message ? caught.message : '登录失败，请重试');
    } finally {
      setBusy(false);
    }
  }

  const loginWithPassword = () =>
    run(async () => {
      if (!ready) return;
      const login = await api.login(username.trim(), password);
      saveSession(login);
      if (bindAfterLogin) {
        try {
          await api.bindWechat(await wechatCode());
          await Taro.showToast({ title: '已绑定微信，下次可一键登录', icon: 'none' });
        } catch (caught) {
          await Taro.showToast({ title: (caught as Error).message || '微信绑定失败', icon: 'none' });
        }
      }
      enter(login);
    });

  const loginWithWechat = () =>
    run(async () => {
      try {
        enter(await api.wechatLogin(await wechatCode()));
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'WECHAT_NOT_BOUND') {
          setBindAfterLogin(true);
          return;
        }
        throw caught;
      }
    });

  return (
    <View className='page login'>
      <View className='login__brand'>
        <View className='login__logo'>断</View>
        <View className='login__name'>断卡精灵</View>
        <View className='login__tagline'>两卡开户登记 · 实时风险研判</View>
      </View>

      {bindAfterLogin ? (
        <View className='login__notice'>该微信尚未绑定工作账号。请先用账号密码登录，登录后将自动绑定此微信，下次即可一键登录。</View>
      ) : null}

      <View className='login__form'>
        <View className='login__field'>
          <Input
            className='login__input'
            placeholder='工号 / 用户名'
            value={username}
            maxlength={64}
            onInput={(event) => setUsername(event.detail.value)}
          />
        </View>
        <View className='login__field'>
          <Input
            className='login__input'
            placeholder='密码'
            password
            value={password}
            maxlength={128}
            onInput={(event) => setPassword(event.detail.value)}
            onConfirm={() => ready && void loginWithPassword()}
          />
        </View>
      </View>

      {error ? <View className='login__error' role='alert'>{error}</View> : null}

      <View className='login__actions'>
        <Button className='btn btn--primary' disabled={flag(!ready || busy)} onClick={() => void loginWithPassword()}>
          {busy ? '正在登录…' : bindAfterLogin ? '登录并绑定微信' : '登录'}
        </Button>
        {process.env.TARO_ENV === 'weapp' && !bindAfterLogin ? (
          <Button className='btn btn--default' disabled={flag(busy)} onClick={() => void loginWithWechat()}>
            微信一键登录
          </Button>
        ) : null}
      </View>
      <View className='login__footer'>仅限银行、运营商网点及公安民警工作使用</View>
    </View>
  );
}

export default LoginPage;
