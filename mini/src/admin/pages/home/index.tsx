import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Role } from '@duanka/shared';
import { AreaTabs } from '../../../components/area-tabs';
import { StaffBar } from '../../../components/staff-bar';
import { currentSession, PAGES } from '../../../services/session';
import { useLoginGuard } from '../../../services/use-login-guard';
import './index.scss';

interface Entry {
  title: string;
  description: string;
  url: string;
}

function entriesFor(role: Role | undefined): Entry[] {
  const rules: Entry = { title: '研判规则', description: '启用或停用规则、调整阈值、查看版本、回测', url: PAGES.rules };
  const watchlists: Entry = { title: '名单管理', description: '断卡惩戒、涉诈号码账户、易受骗人员；支持 CSV 批量导入', url: PAGES.watchlists };
  const staff: Entry = { title: '账号管理', description: '新建账号、停用、重置密码', url: PAGES.staff };
  const dashboard: Entry = { title: '统计分析', description: '开户、研判、告警与反馈', url: PAGES.dashboard };
  const audit: Entry = { title: '审计日志', description: '谁在何时查看、查询或修改了什么', url: PAGES.audit };
  switch (role) {
    case 'SQUAD_ADMIN':
      return [rules, watchlists, staff, { ...audit, description: '民警账号的查看与查询记录，例如谁查看了谁的完整身份证号' }];
    case 'SYSTEM_ADMIN':
      return [{ ...rules, description: '查看规则、阈值与版本历史（修改由反诈中心负责）' }, staff, audit];
    case 'INSTITUTION_ADMIN':
      return [staff, dashboard];
    default:
      return [];
  }
}

export function AdminHomePage() {
  useLoginGuard();
  const entries = entriesFor(currentSession()?.staff.role);
  return (
    <View className='page'>
      <StaffBar />
      <AreaTabs current='admin' />
      <View className='admin-menu'>
        {entries.map((entry) => (
          <View className='admin-menu__item' key={entry.url} onClick={() => void Taro.navigateTo({ url: entry.url })}>
            <View className='admin-menu__text'>
              <Text className='admin-menu__title'>{entry.title}</Text>
              <Text className='admin-menu__description'>{entry.description}</Text>
            </View>
            <Text className='admin-menu__arrow'>›</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

export default AdminHomePage;
