import { useCallback, useEffect, useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LABELS, RULE_CODES, type RuleCode } from '@duanka/shared';
import { EmptyState } from '../../../components/empty-state';
import { flag } from '../../../components/flag';
import { api } from '../../../services/api-client';
import type { BacktestReport, RuleItem, RuleParams, RuleVersion } from '../../../services/api-types';
import { localDate, shortDateTime } from '../../../services/format';
import { currentSession } from '../../../services/session';
import { useLoginGuard } from '../../../services/use-login-guard';
import { paramLabel, paramSummary, RULE_LEVEL } from '../../rule-texts';
import { BacktestReportView } from './backtest-report';
import './index.scss';

type Draft = Record<string, string>;

const toDraft = (params: RuleParams): Draft => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));

/** The edited parameters that differ from the live ones, or an error for a value that is not a number. */
function changedParams(draft: Draft, live: RuleParams): { params: RuleParams; error?: string } {
  const params: RuleParams = {};
  for (const [name, text] of Object.entries(draft)) {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value) || value < 0) return { params, error: `“${paramLabel(name)}”应为不小于 0 的数字` };
    if (value !== live[name]) params[name] = value;
  }
  return { params };
}

const daysAgo = (n: number) => localDate(new Date(Date.now() - n * 86_400_000));
// The city's day boundaries (UTC+8), whatever the device's time zone.
const dayStart = (day: string) => `${day}T00:00:00+08:00`;
const dayEnd = (day: string) => `${day}T23:59:59+08:00`;

function versionTime(createdAt: number | string): string {
  const ms = typeof createdAt === 'number' ? createdAt : Date.parse(createdAt);
  return ms > 0 ? shortDateTime(new Date(ms).toISOString()) : '系统默认';
}

export function RulePage() {
  useLoginGuard();
  const { params } = useRouter();
  const code = (RULE_CODES as readonly string[]).includes(params.code ?? '') ? (params.code as RuleCode) : null;
  const canEdit = currentSession()?.staff.role === 'SQUAD_ADMIN';
  const [rule, setRule] = useState<RuleItem | null>(null);
  const [versions, setVersions] = useState<RuleVersion[]>([]);
  const [draft, setDraft] = useState<Draft>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'backtest' | null>(null);
  const [range, setRange] = useState({ from: daysAgo(30), to: localDate() });
  const [report, setReport] = useState<BacktestReport | null>(null);

  const load = useCallback(async () => {
    if (!code) return;
    try {
      const [{ items }, history] = await Promise.all([api.listRules(), api.ruleVersions(code)]);
      const current = items.find((item) => item.code === code) ?? null;
      setRule(current);
      setVersions(history.items);
      if (current) setDraft(toDraft(current.params));
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [code]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!code) return <View className='page'><EmptyState title='没有这条规则' /></View>;
  if (!rule) return <View className='page'><EmptyState title={error ? '规则加载失败' : '正在载入…'} description={error ?? undefined} /></View>;

  const change = changedParams(draft, rule.params);
  const names = Object.keys(rule.defaults);

  async function save(): Promise<void> {
    if (!rule || !code) return;
    setBusy('save');
    setError(null);
    try {
      await api.changeRule(code, { params: change.params, note: note.trim() });
      setNote('');
      void Taro.showToast({ title: '已生成新版本', icon: 'success' });
      await load();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function backtest(): Promise<void> {
    if (!code) return;
    setBusy('backtest');
    setError(null);
    try {
      setReport(await api.backtest({ from: dayStart(range.from), to: dayEnd(range.to), changes: { [code]: { params: { ...rule!.params, ...change.params } } } }));
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className='page rule-page'>
      <View className='rule-head'>
        <View className='rule-head__name'>{LABELS.ruleCode[code]}</View>
        <View className='rule-head__meta'>
          {RULE_LEVEL[code]} · 当前 v{rule.version} · {rule.enabled ? '已启用' : '已停用'}
        </View>
      </View>

      <View className='form-card'>
        <View className='form-card__title'>参数</View>
        {names.length === 0 ? <View className='form-card__empty'>此规则没有可调参数</View> : null}
        {names.map((name) => (
          <View className='param' key={name}>
            <Text className='param__label'>{paramLabel(name)}</Text>
            {canEdit ? (
              <Input
                className='param__input'
                type='digit'
                value={draft[name] ?? ''}
                placeholder={String(rule.defaults[name])}
                onInput={(e) => setDraft((d) => ({ ...d, [name]: e.detail.value }))}
              />
            ) : (
              <Text className='param__value'>{rule.params[name]}</Text>
            )}
            <Text className='param__default'>默认 {rule.defaults[name]}</Text>
          </View>
        ))}
        {change.error ? <View className='form-card__error'>{change.error}</View> : null}
        {canEdit && names.length > 0 ? (
          <>
            <Input className='note-input' placeholder='修改原因（必填，记入版本历史）' value={note} maxlength={200} onInput={(e) => setNote(e.detail.value)} />
            <Button
              className='btn btn--primary'
              disabled={flag(!!change.error || Object.keys(change.params).length === 0 || !note.trim() || busy !== null)}
              onClick={() => void save()}
            >
              {busy === 'save' ? '正在保存…' : '保存为新版本'}
            </Button>
          </>
        ) : null}
      </View>

      {canEdit ? (
        <View className='form-card'>
          <View className='form-card__title'>回测：假如上面的参数当时已生效</View>
          <View className='range-row'>
            <Picker mode='date' value={range.from} end={range.to} onChange={(e) => setRange((r) => ({ ...r, from: String(e.detail.value) }))}>
              <View className='range-row__field'>从 {range.from}</View>
            </Picker>
            <Picker mode='date' value={range.to} start={range.from} end={localDate()} onChange={(e) => setRange((r) => ({ ...r, to: String(e.detail.value) }))}>
              <View className='range-row__field'>到 {range.to}</View>
            </Picker>
          </View>
          <Button className='btn btn--default' disabled={flag(!!change.error || busy !== null)} onClick={() => void backtest()}>
            {busy === 'backtest' ? '正在回测…' : '运行回测'}
          </Button>
          {report ? <BacktestReportView report={report} /> : null}
        </View>
      ) : null}

      {error ? <View className='rule-page__error' role='alert'>{error}</View> : null}

      <View className='form-card'>
        <View className='form-card__title'>版本历史</View>
        {versions.length === 0 ? <View className='form-card__empty'>尚未修改过，使用系统默认参数（v0）</View> : null}
        {versions.map((version) => (
          <View className='version' key={version.version}>
            <View className='version__head'>
              <Text className='version__number'>v{version.version}</Text>
              <Text className='version__when'>{versionTime(version.createdAt)}</Text>
              <Text className={`version__state${version.enabled ? '' : ' version__state--off'}`}>{version.enabled ? '启用' : '停用'}</Text>
            </View>
            <View className='version__params'>{paramSummary(version.params)}</View>
            {version.note ? <View className='version__note'>{version.note}</View> : null}
          </View>
        ))}
      </View>
    </View>
  );
}

export default RulePage;
