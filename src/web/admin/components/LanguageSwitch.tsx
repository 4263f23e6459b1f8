/** 中文 / English, remembered on the device and, when signed in, in the account. */
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, type Language } from '../../shared/i18n';
import { useSetPreference } from '../../shared/me';

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { t } = useTranslation();
  const setPreference = useSetPreference();
  return (
    <Segmented<Language>
      size={size}
      data-testid="language-switch"
      value={currentLanguage()}
      options={languages.map((value) => ({ value, label: t(`languages.${value}`) }))}
      onChange={(language) => setPreference.mutate({ language })}
    />
  );
}
