import { useEffect, useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { flag } from '../../../components/flag';
import { Sheet } from '../../../components/sheet';
import { api } from '../../../services/api-client';
import type { ImportLineError } from '../../../services/api-types';
import { fileLineErrors, splitCsv, WATCHLIST_CSV_HEADER } from '../../../services/csv-chunks';

const CHUNK_LINES = 500;
const SHOWN_ERRORS = 50;

interface Progress {
  done: number;
  total: number;
  imported: number;
  errors: ImportLineError[];
  failure?: string;
  finished: boolean;
}

/** Reads a CSV file the officer picks: a file input in the browser, a chat file on WeChat. */
async function pickCsvFile(): Promise<string | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.csv,text/csv,text/plain';
      input.onchange = () => {
        const file = input.files?.[0];
        if (!file) return resolve(null);
        file.text().then(resolve, () => resolve(null));
      };
      input.click();
    });
  }
  const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] });
  const path = tempFiles[0]?.path;
  if (!path) return null;
  return Taro.getFileSystemManager().readFileSync(path, 'utf8') as string;
}

export function ImportSheet({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const [csv, setCsv] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (open) setProgress(null);
  }, [open]);
  const running = progress !== null && !progress.finished;

  async function start(): Promise<void> {
    const { header, chunks } = splitCsv(csv, CHUNK_LINES);
    const total = chunks.reduce((sum, chunk) => sum + chunk.lines, 0);
    let state: Progress = { done: 0, total, imported: 0, errors: [], finished: false };
    setProgress(state);
    if (header.replace(/\s/g, '') !== WATCHLIST_CSV_HEADER) {
      setProgress({ ...state, finished: true, failure: `第一行应为表头：${WATCHLIST_CSV_HEADER}` });
      return;
    }
    for (const chunk of chunks) {
      try {
        const result = await api.importWatchlist(chunk.csv);
        state = { ...state, done: state.done + chunk.lines, imported: state.imported + result.imported, errors: [...state.errors, ...fileLineErrors(chunk, result.errors)] };
      } catch (error) {
        state = { ...state, failure: `第 ${chunk.firstLine} 行起的 ${chunk.lines} 行未能导入：${(error as Error).message}` };
        break;
      }
      setProgress(state);
    }
    setProgress({ ...state, finished: true });
    onImported();
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Sheet open={open} title='CSV 批量导入' onClose={() => !running && onClose()}>
      <View className='sheet__description'>
        表头：{WATCHLIST_CSV_HEADER}。kind 为 PUNISHED / FRAUD_LINKED / VULNERABLE，target 为 PERSON / PHONE / CARD，expiresAt 可留空。错误行不入库，会逐行列出。
      </View>
      <Button className='btn btn--default' disabled={flag(running)} onClick={() => void pickCsvFile().then((text) => text !== null && setCsv(text))}>
        选择 CSV 文件
      </Button>
      <Textarea
        className='sheet__textarea import__text'
        placeholder={`或粘贴 CSV 内容，例如：\n${WATCHLIST_CSV_HEADER}\nPUNISHED,PERSON,230103199001010011,出售银行卡,`}
        value={csv}
        maxlength={-1}
        onInput={(e) => setCsv(e.detail.value)}
      />
      {progress ? (
        <View className='import__progress'>
          <View className='import__bar'>
            <View className='import__fill' style={{ width: `${percent}%` }} />
          </View>
          <Text className='import__status'>
            {progress.finished ? '导入完成' : '正在导入'}：{progress.done} / {progress.total} 行，成功 {progress.imported} 条，错误 {progress.errors.length} 行
          </Text>
        </View>
      ) : null}
      {progress?.failure ? <View className='sheet__error'>{progress.failure}</View> : null}
      {progress && progress.errors.length > 0 ? (
        <View className='import__errors'>
          {progress.errors.slice(0, SHOWN_ERRORS).map((error) => (
            <View className='import__error' key={`${error.line}-${error.code}`}>
              第 {error.line} 行：{error.message}
            </View>
          ))}
          {progress.errors.length > SHOWN_ERRORS ? <View className='import__error'>……另有 {progress.errors.length - SHOWN_ERRORS} 行错误</View> : null}
        </View>
      ) : null}
      <Button className='btn btn--primary' disabled={flag(!csv.trim() || running)} onClick={() => void start()}>
        {running ? `正在导入 ${percent}%` : '开始导入'}
      </Button>
    </Sheet>
  );
}
