/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5';
    /** API origin, e.g. https://duanka.example.gov.cn; empty = same origin (H5 served by the API). */
    TARO_APP_API_BASE?: string;
  }
}
