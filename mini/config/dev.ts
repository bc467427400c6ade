import type { IProjectConfig } from '@tarojs/taro/types/compile';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      port: 10086,
      // `npm run dev:h5` talks to a server started with `npm start` at the repository root.
      proxy: [{ context: ['/api'], target: process.env.DUANKA_DEV_API ?? 'http://localhost:3000' }],
    },
  },
} satisfies IProjectConfig<'webpack5'>;
