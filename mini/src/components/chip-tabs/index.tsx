import { ScrollView, Text } from '@tarojs/components';
import './index.scss';

/** A row of pill-shaped choices, one of them on; scrolls sideways when it is wider than the screen. */
export function ChipTabs<K>({ options, value, onChange }: { options: ReadonlyArray<readonly [K, string]>; value: K; onChange: (key: K) => void }) {
  return (
    <ScrollView scrollX className='chip-tabs'>
      {options.map(([key, title]) => (
        <Text key={title} className={`chip-tabs__tab${key === value ? ' chip-tabs__tab--on' : ''}`} onClick={() => onChange(key)}>
          {title}
        </Text>
      ))}
    </ScrollView>
  );
}
