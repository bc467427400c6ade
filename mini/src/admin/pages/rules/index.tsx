import { useCallback, useState } from 'react';
import { Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { LABELS } from '@duanka/shared';
import { EmptyState } from '../../../components/empty-state';
import { PromptSheet } from '../../../components/sheet';
import { api } from '../../../services/api-client';
import type { RuleItem } from '../../../services/api-types';
import { currentSession, PAGES } from '../../../services/session';
import { useLoginGuard } from '../../../services/use-login-guard';
import { paramSummary, RULE_LEVEL } from '../../rule-texts';
import './index.scss';

/** The rule catalogue: each rule on or off at a glance, its thresholds, and the way to change them. */
export function RulesPage() {
  useLoginGuard();
  const canEdit = currentSession()?.staff.role === 'SQUAD_ADMIN';
  const [rules, setRules] = useState<RuleItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [toggling, setToggling] = useState<RuleItem | null>(null);
  // A switch flips itself when tapped; remounting it puts it back when the change is cancelled.
  const [resets, setResets] = useState(0);

  const load = useCallback(async () => {
    try {
      setRules((await api.listRules()).items);
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, []);
  useDidShow(() => void load());

  if (!rules) return <View className='page'><EmptyState title={error ? '规则加载失败' : '正在载入…'} description={error ?? undefined} /></View>;
  return (
    <View className='page rules-page'>
      <View className='rules-intro'>
        每条规则对全市所有机构的开户生效；修改生成新版本，数秒内在各网点生效。{canEdit ? '' : '（只读：修改由反诈中心负责）'}
      </View>
      <View className='rule-list'>
        {rules.map((rule) => (
          <View className={`rule-item${rule.enabled ? '' : ' rule-item--off'}`} key={rule.code}>
            <View className='rule-item__main' onClick={() => void Taro.navigateTo({ url: `${PAGES.rule}?code=${rule.code}` })}>
              <View className='rule-item__head'>
                <Text className='rule-item__name'>{LABELS.ruleCode[rule.code]}</Text>
                <Text className='rule-item__version'>v{rule.version}</Text>
              </View>
              <View className='rule-item__level'>{RULE_LEVEL[rule.code]} · {rule.enabled ? '已启用' : '已停用'}</View>
              <View className='rule-item__params'>{paramSummary(rule.params)}</View>
            </View>
            <View className='rule-item__switch'>
              {canEdit ? (
                <Switch key={`${rule.version}:${resets}`} checked={rule.enabled} color='#07c160' onChange={() => setToggling(rule)} />
              ) : (
                <Text className='rule-item__state'>{rule.enabled ? '启用' : '停用'}</Text>
              )}
            </View>
          </View>
        ))}
      </View>
      <PromptSheet
        open={toggling !== null}
        title={toggling ? `${toggling.enabled ? '停用' : '启用'}“${LABELS.ruleCode[toggling.code]}”` : ''}
        description={toggling?.enabled ? '停用后，新开户不再按此规则研判，也不再因此生成告警。' : '启用后，新开户立即按此规则研判。'}
        placeholder='请填写修改原因（记入版本历史）'
        required
        confirmText={toggling?.enabled ? '确认停用' : '确认启用'}
        danger={toggling?.enabled}
        onClose={() => {
          setToggling(null);
          setResets((n) => n + 1);
        }}
        onConfirm={async (note) => {
          if (!toggling) return;
          await api.changeRule(toggling.code, { enabled: !toggling.enabled, note });
          setToggling(null);
          void Taro.showToast({ title: '已生成新版本', icon: 'success' });
          await load();
        }}
      />
    </View>
  );
}

export default RulesPage;
