/** Types the `places` namespace: `useTranslation('places')` checks its keys against zh-CN.json. */
import type zh from './zh-CN.json';

declare module '../../i18n' {
  interface ModuleResources {
    places: typeof zh;
  }
}

export {};
