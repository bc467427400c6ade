// Pages and components run under jsdom with small stand-ins for Taro (see test/stand-ins);
// @duanka/shared is compiled from its source, as in the Taro build.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/stand-ins/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/stand-ins/components.tsx',
    '^@duanka/shared$': '<rootDir>/../shared/src',
    '\\.(css|scss)$': '<rootDir>/test/stand-ins/style.ts',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
};
