import type { IProjectConfig } from '@tarojs/taro/types/compile';
import type Chain from 'webpack-chain';

// Keep license comments inside the bundles rather than in *.LICENSE.txt files beside them, which
// WeChat would not upload and which would clutter the H5 folder.
function licensesInline(chain: Chain): void {
  // webpack-chain has `minimizers` at run time but not in its typings.
  const { minimizers } = chain.optimization as unknown as { minimizers: { has(name: string): boolean } };
  if (minimizers.has('terserPlugin')) {
    chain.optimization.minimizer('terserPlugin').tap((args: object[]) => [{ ...args[0], extractComments: false }]);
  }
}

export default {
  mini: { webpackChain: licensesInline },
  h5: { webpackChain: licensesInline },
} satisfies IProjectConfig<'webpack5'>;
