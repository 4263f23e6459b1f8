/**
 * 授权管理: separate consent for each kind of sensitive information I enter myself (health, photos,
 * location, special groups), given to the notice shown here and withdrawable at any time. A
 * guardian opens it with ?residentId= for a child in their care.
 */
import { Button, Dialog, DotLoading, ErrorBlock, NavBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { useConsentActions, useConsents, useWards, type Consent } from './data';
import './security.css';

export default function ConsentsPage() {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const residentId = params.get('residentId') ?? undefined;
  const wards = useWards();
  const ward = residentId ? wards.data?.find((w) => w.residentId === residentId) : undefined;
  const consents = useConsents(residentId);
  const actions = useConsentActions(residentId);
  const busy = actions.grant.isPending || actions.withdraw.isPending;

  const grant = (c: Consent) =>
    actions.grant.mutate(c, {
      onSuccess: () => Toast.show({ icon: 'success', content: t('consents.granted') }),
      onError: (e) => Toast.show({ icon: 'fail', content: e.message }),
    });
  const withdraw = async (c: Consent) => {
    const ok = await Dialog.confirm({ content: t('consents.withdrawConfirm', { purpose: t(`consents.purposes.${c.purpose}.title`) }), confirmText: t('consents.withdraw'), cancelText: tc('common.cancel') });
    if (!ok) return;
    actions.withdraw.mutate(c, {
      onSuccess: () => Toast.show({ icon: 'success', content: t('consents.withdrawn') }),
      onError: (e) => Toast.show({ icon: 'fail', content: e.message }),
    });
  };

  return (
    <div className="r-page sr-page">
      <NavBar className="sr-navbar" onBack={() => void navigate('/privacy')}>
        {ward ? t('consents.titleFor', { name: ward.name }) : t('resident.consents')}
      </NavBar>
      <p className="sr-intro">{ward ? t('consents.introWard', { name: ward.name }) : t('consents.intro')}</p>
      {consents.isPending ? (
        <div className="r-center-block">
          <DotLoading color="primary" />
        </div>
      ) : consents.isError ? (
        <ErrorBlock status="default" title={t('resident.loadFailed')} description={consents.error.message} />
      ) : (
        consents.data.map((c) => (
          <section key={c.purpose} className="r-card sr-consent" data-testid={`consent-${c.purpose}`}>
            <div className="sr-consent-head">
              <div className="r-card-title">{t(`consents.purposes.${c.purpose}.title`)}</div>
              {c.granted ? (
                <Tag color={c.outdated ? 'warning' : 'success'} fill="outline" className="sr-tag">
                  {c.outdated ? t('consents.outdated') : t('consents.on')}
                </Tag>
              ) : (
                <Tag fill="outline" className="sr-tag">
                  {t('consents.off')}
                </Tag>
              )}
            </div>
            <p className="sr-notice">{t(`consents.purposes.${c.purpose}.notice`)}</p>
            <p className="sr-note">
              {t('consents.noticeVersion', { version: c.noticeVersion })}
              {c.granted && c.grantedAt && ` · ${t('consents.grantedAt', { time: formatDateTime(c.grantedAt) })}`}
            </p>
            {c.granted && !c.outdated ? (
              <Button block size="large" fill="outline" disabled={busy} onClick={() => void withdraw(c)} data-testid={`consent-withdraw-${c.purpose}`}>
                {t('consents.withdraw')}
              </Button>
            ) : (
              <Button block size="large" color="primary" disabled={busy} onClick={() => grant(c)} data-testid={`consent-grant-${c.purpose}`}>
                {c.outdated ? t('consents.regrant') : t('consents.grant')}
              </Button>
            )}
          </section>
        ))
      )}
    </div>
  );
}
