import { View } from '@tarojs/components';
import { EmptyState } from '../../../components/empty-state';
import { StaffBar } from '../../../components/staff-bar';
import { useLoginGuard } from '../../../services/use-login-guard';

export function PoliceHomePage() {
  useLoginGuard();
  return (
    <View className='page'>
      <StaffBar />
      <EmptyState title='暂无告警' description='辖区内出现需核实或停止办理的开户时，告警会显示在这里。' />
    </View>
  );
}

export default PoliceHomePage;
