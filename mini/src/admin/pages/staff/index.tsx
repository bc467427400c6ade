import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LABELS } from '@duanka/shared';
import { EmptyState } from '../../../components/empty-state';
import { PromptSheet } from '../../../components/sheet';
import { api } from '../../../services/api-client';
import type { BranchItem, PoliceUnitItem, StaffItem } from '../../../services/api-types';
import { currentSession } from '../../../services/session';
import { useLoginGuard } from '../../../services/use-login-guard';
import { CreateStaffSheet } from './create-sheet';
import { placeOf } from './staff-form';
import './index.scss';

const SHOWN = 100;

/** The accounts this admin manages: find one, create, disable or enable, reset a password. */
export function StaffPage() {
  useLoginGuard();
  const session = currentSession();
  const role = session?.staff.role ?? 'TELLER';
  const [staff, setStaff] = useState<StaffItem[] | null>(null);
  const [branches, setBranches] = useState<BranchItem[]>([]);
  const [units, setUnits] = useState<PoliceUnitItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<StaffItem | null>(null);

  const load = useCallback(async () => {
    try {
      setStaff((await api.listStaff()).items);
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
    // Names of branches and units for the list and the form; a failure only leaves them out.
    if (role !== 'SQUAD_ADMIN') api.branches().then(({ items }) => setBranches(items), () => undefined);
    if (role === 'SQUAD_ADMIN' || role === 'SYSTEM_ADMIN') api.policeUnits().then(({ items }) => setUnits(items), () => undefined);
  }, [load, role]);

  const branchMap = useMemo(() => new Map(branches.map((b) => [b.id, b])), [branches]);
  const unitMap = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const term = search.trim().toLowerCase();
  const matching = (staff ?? []).filter(
    (s) => !term || s.username.toLowerCase().includes(term) || s.displayName.toLowerCase().includes(term) || placeOf(s, branchMap, unitMap).includes(term),
  );

  async function toggle(item: StaffItem): Promise<void> {
    const { confirm } = await Taro.showModal({
      title: item.active ? '停用账号？' : '启用账号？',
      content: item.active ? `${item.displayName}（${item.username}）将立即无法登录，已登录的设备在 30 秒内退出。` : `${item.displayName}（${item.username}）将可以重新登录。`,
      confirmText: item.active ? '停用' : '启用',
      confirmColor: item.active ? '#fa5151' : '#07c160',
    });
    if (!confirm) return;
    try {
      await api.updateStaff(item.id, { active: !item.active });
      void Taro.showToast({ title: item.active ? '已停用' : '已启用', icon: 'success' });
      await load();
    } catch (caught) {
      await Taro.showModal({ title: '操作未成功', content: (caught as Error).message, showCancel: false });
    }
  }

  return (
    <View className='page staff-page'>
      <View className='staff-tools'>
        <Input className='staff-tools__search' placeholder='搜索用户名、姓名或单位' value={search} onInput={(e) => setSearch(e.detail.value)} />
        <Button className='btn btn--primary staff-tools__new' onClick={() => setCreating(true)}>新建</Button>
      </View>
      {error ? <EmptyState title='账号加载失败' description={error} /> : null}
      {!staff && !error ? <EmptyState title='正在载入…' /> : null}
      {staff ? <View className='staff-count'>共 {matching.length} 个账号{matching.length > SHOWN ? `，显示前 ${SHOWN} 个，请用搜索缩小范围` : ''}</View> : null}
      <View className='staff-list'>
        {matching.slice(0, SHOWN).map((item) => (
          <View className={`staff-item${item.active ? '' : ' staff-item--off'}`} key={item.id}>
            <View className='staff-item__main'>
              <View className='staff-item__head'>
                <Text className='staff-item__name'>{item.displayName}</Text>
                {!item.active ? <Text className='staff-item__off'>已停用</Text> : null}
              </View>
              <View className='staff-item__meta'>{item.username} · {LABELS.role[item.role]}{item.wechatBound ? ' · 已绑定微信' : ''}</View>
              <View className='staff-item__meta'>{placeOf(item, branchMap, unitMap)}</View>
            </View>
            <View className='staff-item__actions'>
              <Text className='staff-item__action' onClick={() => setResetting(item)}>重置密码</Text>
              {item.id !== session?.staff.id ? (
                <Text className={`staff-item__action${item.active ? ' staff-item__action--danger' : ''}`} onClick={() => void toggle(item)}>
                  {item.active ? '停用' : '启用'}
                </Text>
              ) : null}
            </View>
          </View>
        ))}
      </View>
      <CreateStaffSheet
        open={creating}
        role={role}
        ownInstitution={role === 'INSTITUTION_ADMIN' ? session?.staff.institutionId ?? null : null}
        branches={branches}
        units={units}
        onClose={() => setCreating(false)}
        onSubmit={async (request) => {
          await api.createStaff(request);
          setCreating(false);
          setSearch(request.username);
          void Taro.showToast({ title: '已创建', icon: 'success' });
          await load();
        }}
      />
      <PromptSheet
        open={resetting !== null}
        title={resetting ? `重置 ${resetting.displayName} 的密码` : ''}
        description='新密码至少 8 位。请当面或通过安全渠道告知本人。'
        placeholder='新密码'
        password
        required
        minLength={8}
        confirmText='确认重置'
        onClose={() => setResetting(null)}
        onConfirm={async (password) => {
          if (!resetting) return;
          await api.resetPassword(resetting.id, password);
          setResetting(null);
          void Taro.showToast({ title: '密码已重置', icon: 'success' });
        }}
      />
    </View>
  );
}

export default StaffPage;
