/** 我的设置: large type (适老化), language, who is signed in, and sign out. */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLabels } from '../../../shared/labels';
import { signOut, useMe } from '../../../shared/me';
import { ElderlySwitch, LanguageChooser } from '../../components/PreferenceControls';

export function SettingsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const confirmSignOut = async () => {
    const ok = await Dialog.confirm({ content: t('resident.settings.signOutConfirm'), confirmText: t('resident.settings.signOut'), cancelText: t('common.cancel') });
    if (!ok) return;
    await signOut(queryClient).catch(() => undefined);
    void navigate('/login', { replace: true });
  };

  return (
    <div className="r-page">
      <h1 className="r-page-title">{t('resident.settings.title')}</h1>

      {me && (
        <section className="r-card r-me">
          <div className="r-me-name">{me.displayName}</div>
          {me.roles.map((r, i) => (
            <div key={i} className="r-me-role">
              {r.orgName} · {labels.role(r.role)}
            </div>
          ))}
        </section>
      )}

      <List mode="card" className="r-list">
        <List.Item extra={<ElderlySwitch />} description={t('resident.settings.elderlyHint')}>
          {t('resident.settings.elderly')}
        </List.Item>
        <List.Item>
          <div className="r-pref-label">{t('resident.settings.language')}</div>
          <LanguageChooser />
        </List.Item>
      </List>

      <div className="r-actions">
        <Button block size="large" color="danger" fill="outline" className="r-big-button" onClick={() => void confirmSignOut()} data-testid="sign-out">
          {t('resident.settings.signOut')}
        </Button>
      </div>
    </div>
  );
}
