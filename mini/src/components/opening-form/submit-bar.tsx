import { Button, View } from '@tarojs/components';
import { flag } from '../flag';

export interface SubmitBarProps {
  ready: boolean;
  submitting: boolean;
  error: string | null;
  onSubmit: () => void;
}

export function SubmitBar({ ready, submitting, error, onSubmit }: SubmitBarProps) {
  return (
    <View className='submit-bar'>
      {error ? <View className='submit-bar__error' role='alert'>{error}</View> : null}
      {!ready ? <View className='submit-bar__note'>请完整、正确填写以上信息后提交</View> : null}
      <Button className='btn btn--primary' disabled={flag(!ready || submitting)} onClick={onSubmit}>
        {submitting ? '正在研判…' : '提交研判'}
      </Button>
    </View>
  );
}
