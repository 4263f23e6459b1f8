/** Types the `tickets` namespace: `useTranslation('tickets')` checks its keys against zh-CN.json. */
import type zh from './zh-CN.json';

declare module '../../i18n' {
  interface ModuleResources {
    tickets: typeof zh;
  }
}

export {};
