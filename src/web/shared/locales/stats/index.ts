import type zh from './zh-CN.json';

declare module '../../i18n' {
  interface ModuleResources {
    stats: typeof zh;
  }
}
