import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { EmptyState } from '../../../components/empty-state';
import { flag } from '../../../components/flag';
import { shortDateTime } from '../../../services/format';
import type { QueuedSubmission } from '../../../services/offline-queue';
import { offlineQueue, syncNow } from '../../../services/offline-sync';
import { currentSession, PAGES } from '../../../services/session';
import { useLoginGuard } from '../../../services/use-login-guard';
import { useOfflineQueue } from '../../../services/use-offline-queue';
import './index.scss';

function statusText(item: QueuedSubmission, staffId: string | undefined): string {
  if (item.status === 'FAILED') return '发送失败';
  return item.owner && item.owner !== staffId ? '待原登记账号登录后发送' : '待发送';
}

function QueueRow({ item, staffId }: { item: QueuedSubmission; staffId: string | undefined }) {
  const failed = item.status === 'FAILED';
  async function discard(): Promise<void> {
    const { confirm } = await Taro.showModal({
      title: '删除这条登记？',
      content: '删除后不会再发送，需要时请重新登记。',
      confirmText: '删除',
      confirmColor: '#fa5151',
    });
    if (confirm) offlineQueue.remove(item.id);
  }
  const form = item.kind === 'BANK' ? PAGES.bankForm : PAGES.simForm;
  return (
    <View className={`queue-item${failed ? ' queue-item--failed' : ''}`}>
      <View className='queue-item__head'>
        <Text className='queue-item__summary'>{item.summary}</Text>
        <Text className='queue-item__status'>{statusText(item, staffId)}</Text>
      </View>
      <View className='queue-item__meta'>登记于 {shortDateTime(item.payload.openedAt ?? item.queuedAt)}</View>
      {item.lastError ? <View className='queue-item__error'>{item.lastError}</View> : null}
      {failed ? (
        <View className='queue-item__actions'>
          <Button className='btn btn--primary' onClick={() => void Taro.navigateTo({ url: `${form}?queued=${item.id}` })}>
            修改后重新提交
          </Button>
          <Button className='btn btn--warn' onClick={() => void discard()}>删除</Button>
        </View>
      ) : null}
    </View>
  );
}

export function QueuePage() {
  useLoginGuard();
  const staffId = currentSession()?.staff.id;
  const items = useOfflineQueue();
  const [sending, setSending] = useState(false);
  const pending = items.filter((item) => item.status === 'PENDING' && (!item.owner || item.owner === staffId)).length;

  async function sendNow(): Promise<void> {
    setSending(true);
    try {
      const report = await syncNow();
      if (!report) {
        await Taro.showToast({ title: '当前无网络，联网后自动发送', icon: 'none' });
      } else if (report.needsLogin) {
        await Taro.showToast({ title: '请重新登录后发送', icon: 'none' });
      } else if (report.pending > 0) {
        await Taro.showToast({ title: '暂时无法连接服务器，稍后自动重试', icon: 'none' });
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <View className='page'>
      <View className='queue-intro'>
        这些登记是在没有网络时保存在本机的。联网后会自动发送；服务器退回的登记请修改后重新提交。
      </View>
      {items.length === 0 ? (
        <EmptyState title='没有待发送的登记' />
      ) : (
        <View className='queue-list'>
          {items.map((item) => (
            <QueueRow item={item} staffId={staffId} key={item.id} />
          ))}
        </View>
      )}
      {pending > 0 ? (
        <View className='queue-send'>
          <Button className='btn btn--primary' disabled={flag(sending)} onClick={() => void sendNow()}>
            {sending ? '正在发送…' : `立即发送（${pending} 条）`}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default QueuePage;
