import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

export function EmptyState({ title, description, children }: { title: string; description?: string; children?: ReactNode }) {
  return (
    <View className='empty-state'>
      <View className='empty-state__mark' />
      <View className='empty-state__title'>{title}</View>
      {description ? <View className='empty-state__description'>{description}</View> : null}
      {children ? <View className='empty-state__actions'>{children}</View> : null}
    </View>
  );
}
