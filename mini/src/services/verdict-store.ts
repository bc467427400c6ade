import Taro from '@tarojs/taro';
import type { OpeningResult } from '@duanka/shared';

// Hands the result of a submission to the verdict page without putting it in the URL. Kept in
// storage too, so a reload of the H5 page (or WeChat restoring the page) still shows it.
const KEY = 'duanka.lastVerdict';
let latest: OpeningResult | null = null;

export function rememberVerdict(result: OpeningResult): void {
  latest = result;
  Taro.setStorageSync(KEY, result);
}

export function recalledVerdict(openingId: string): OpeningResult | null {
  if (latest?.id === openingId) return latest;
  const stored = Taro.getStorageSync(KEY) as OpeningResult | '' | undefined;
  return stored && typeof stored === 'object' && stored.id === openingId ? stored : null;
}
