/** Types the `volunteers` namespace: `useTranslation('volunteers')` checks its keys against zh-CN.json. */
import type zh from './zh-CN.json';

declare module '../../i18n' {
  interface ModuleResources {
    volunteers: typeof zh;
  }
}

export {};
