import { View } from '@tarojs/components';
import { EmptyState } from '../../../components/empty-state';
import { StaffBar } from '../../../components/staff-bar';
import { useLoginGuard } from '../../../services/use-login-guard';

export function AdminHomePage() {
  useLoginGuard();
  return (
    <View className='page'>
      <StaffBar />
      <EmptyState title='暂无待处理事项' description='本机构的开户、拒办和告警反馈会显示在这里。' />
    </View>
  );
}

export default AdminHomePage;
