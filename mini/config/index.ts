import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import type Chain from 'webpack-chain';
import devConfig from './dev';
import prodConfig from './prod';

// The mini always compiles @duanka/shared from source, so a change there needs no separate build.
const sharedSource = path.resolve(__dirname, '../../shared/src');

// @duanka/shared is pure (CONVENTIONS: plain types and functions). Saying so lets webpack drop the
// modules a page does not use, e.g. the region and BIN tables from pages that only need LABELS.
function sharedIsPure(chain: Chain): void {
  chain.module.rule('duanka-shared-pure').include.add(sharedSource).end().set('sideEffects', false);
}

// Keep license comments inside the bundles rather than in *.LICENSE.txt files beside them, which
// WeChat would not upload and which would clutter the H5 folder.
function licensesInline(chain: Chain): void {
  // webpack-chain has `minimizers` at run time but not in its typings.
  const { minimizers } = chain.optimization as unknown as { minimizers: { has(name: string): boolean } };
  if (minimizers.has('terserPlugin')) {
    chain.optimization.minimizer('terserPlugin').tap((args: object[]) => [{ ...args[0], extractComments: false }]);
  }
}

function webpackChain(chain: Chain): void {
  sharedIsPure(chain);
  licensesInline(chain);
}

// weapp and H5 get their own folders so that one build never overwrites the other.
const outputRoot = process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist-weapp';

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: IProjectConfig<'webpack5'> = {
    projectName: 'duanka-sprite',
    date: '2025-11-28',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    env: {
      // Base URL of the API. Empty means "same origin" (H5 served by the API server).
      // WeChat builds must set it to the HTTPS origin registered as a request domain.
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
    },
    alias: {
      '@duanka/shared': sharedSource,
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSource] },
      webpackChain,
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [sharedSource] },
      webpackChain,
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
