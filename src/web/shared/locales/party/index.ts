/** Types the `party` namespace: `useTranslation('party')` checks its keys against zh-CN.json. */
import type zh from './zh-CN.json';

declare module '../../i18n' {
  interface ModuleResources {
    party: typeof zh;
  }
}

export {};
