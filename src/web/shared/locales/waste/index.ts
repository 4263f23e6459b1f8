/** Types the `waste` namespace: `useTranslation('waste')` checks its keys against zh-CN.json. */
import type zh from './zh-CN.json';

declare module '../../i18n' {
  interface ModuleResources {
    waste: typeof zh;
  }
}

export {};
