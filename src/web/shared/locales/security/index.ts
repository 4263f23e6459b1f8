/** Types the `security` namespace: `useTranslation('security')` checks its keys against zh-CN.json. */
import type zh from './zh-CN.json';

declare module '../../i18n' {
  interface ModuleResources {
    security: typeof zh;
  }
}

export {};
