/** Language and large-type controls, used on the login page and in 我的设置. */
import { Selector, Switch } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isElderlyMode } from '../../shared/elderly';
import { currentLanguage, languages, type Language } from '../../shared/i18n';
import { useSetPreference } from '../../shared/me';

export function LanguageChooser() {
  const { t } = useTranslation();
  const setPreference = useSetPreference();
  return (
    <Selector<Language>
      className="r-selector"
      data-testid="language-chooser"
      columns={2}
      showCheckMark={false}
      value={[currentLanguage()]}
      options={languages.map((value) => ({ value, label: t(`languages.${value}`) }))}
      onChange={(values) => values[0] && setPreference.mutate({ language: values[0] })}
    />
  );
}

export function ElderlySwitch() {
  const { t } = useTranslation();
  const setPreference = useSetPreference();
  const [on, setOn] = useState(isElderlyMode);
  return (
    <Switch
      data-testid="elderly-switch"
      checked={on}
      aria-label={t('resident.settings.elderly')}
      loading={setPreference.isPending}
      onChange={(checked) => {
        setOn(checked);
        setPreference.mutate({ elderlyMode: checked });
      }}
    />
  );
}
