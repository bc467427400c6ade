import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LABELS } from '@duanka/shared';
import { offlineQueue } from '../../services/offline-sync';
import { clearSession, currentSession, LOGIN_PAGE } from '../../services/session';
import './index.scss';

/** Who is logged in, and the way out. */
export function StaffBar() {
  const staff = currentSession()?.staff;
  async function logout(): Promise<void> {
    const pending = staff ? offlineQueue.pendingCount(staff.id) : 0;
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: pending > 0 ? `本机还有 ${pending} 条离线登记未发送，要用本账号重新登录后才会发送。确定退出？` : '确定退出当前账号？',
      confirmText: '退出',
    });
    if (!confirm) return;
    clearSession();
    await Taro.reLaunch({ url: LOGIN_PAGE });
  }
  return (
    <View className='staff-bar'>
      <View className='staff-bar__who'>
        <View className='staff-bar__name'>{staff?.displayName ?? '未登录'}</View>
        {staff ? <View className='staff-bar__role'>{LABELS.role[staff.role]} · {staff.username}</View> : null}
      </View>
      <Text className='staff-bar__logout' onClick={() => void logout()}>退出登录</Text>
    </View>
  );
}
