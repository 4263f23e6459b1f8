/**
 * UI language: zh-CN by default, en-US second. The choice lives in localStorage (so the login page
 * already speaks it) and, once signed in, in the account's preferences (see preferences.ts), which
 * win on the next sign-in from another device.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enUS from './locales/en-US.json';
import zhCN from './locales/zh-CN.json';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

const storageKey = 'tongxin.language';

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

/** The language explicitly chosen on this device, if any. */
export function storedLanguage(): Language | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each domain module keeps its texts in `locales/<module>/{zh-CN,en-US}.json`, loaded as the i18n
 * namespace `<module>` (`useTranslation('places')`). A module types its namespace by augmenting
 * this interface: `declare module '../../shared/i18n' { interface ModuleResources { places: typeof zh } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleResources {}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN } & ModuleResources;
  }
}

const moduleFiles = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Record<Language, Record<string, Record<string, unknown>>> = { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } };
for (const [file, mod] of Object.entries(moduleFiles)) {
  const match = /\/locales\/([^/]+)\/(zh-CN|en-US)\.json$/.exec(file);
  if (match) resources[match[2] as Language][match[1]!] = mod.default;
}

const initial = storedLanguage() ?? defaultLanguage;

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

function reflect(language: Language): void {
  document.documentElement.lang = language;
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
}
reflect(initial);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}

/** Switches the UI language and remembers it on this device. */
export async function applyLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  reflect(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export default i18n;
