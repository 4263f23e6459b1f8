/** Types the `center` namespace: `useTranslation('center')` checks its keys against zh-CN.json. */
import type zh from './zh-CN.json';

declare module '../../i18n' {
  interface ModuleResources {
    center: typeof zh;
  }
}

export {};
