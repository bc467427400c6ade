// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// No polyfills are injected: both targets (WeChat's JS engine, evergreen mobile browsers) run ES2017+.
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
    }],
  ],
};
