/** Types the `care` namespace: `useTranslation('care')` checks its keys against zh-CN.json. */
import type zh from './zh-CN.json';

declare module '../../i18n' {
  interface ModuleResources {
    care: typeof zh;
  }
}

export {};
