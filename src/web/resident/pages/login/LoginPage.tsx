/**
 * Resident sign-in: two large fields and one large button. The large-type switch and the language
 * are right here, before signing in, for whoever needs them to read this page. A resident who
 * turned on 两步验证 then gives a code (MfaStep).
 */
import { Button, Form, Input, List } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import logoUrl from '../../../shared/assets/logo.svg';
import { isMfaChallenge, useSignIn, type MfaChallenge } from '../../../shared/me';
import { ElderlySwitch, LanguageChooser } from '../../components/PreferenceControls';
import { MfaStep } from './MfaStep';
import './login.css';

const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('security');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const [expired, setExpired] = useState(false);
  const error = signIn.error;
  const lockedUntil = isApiError(error, 'account_locked') ? (error.details as { lockedUntil?: string } | undefined)?.lockedUntil : undefined;

  const done = () => void navigate(safeNext(params.get('next')), { replace: true });
  const onFinish = (values: { username: string; password: string }) => {
    setExpired(false);
    signIn.mutate({ username: values.username.trim(), password: values.password }, { onSuccess: (result) => (isMfaChallenge(result) ? setChallenge(result) : done()) });
  };
  const restart = (becauseExpired: boolean) => {
    signIn.reset();
    setChallenge(null);
    setExpired(becauseExpired);
  };

  return (
    <div className="r-login">
      <header className="r-login-hero">
        <img src={logoUrl} alt="" className="r-login-logo" />
        <h1 className="r-login-title">{t('resident.login.title')}</h1>
        <p className="r-login-subtitle">{t('resident.login.subtitle')}</p>
      </header>

      {challenge ? (
        <MfaStep challenge={challenge.challenge} onSignedIn={done} onRestart={restart} />
      ) : (
      <div className="r-login-card">
        {expired && !error && (
          <div className="r-error" role="alert">
            {ts('login.expired')}
          </div>
        )}
        {error && (
          <div className="r-error" role="alert" data-testid="login-error">
            {error.message}
            {lockedUntil && <div className="r-error-detail">{t('login.lockedUntil', { time: dayjs(lockedUntil).format('HH:mm') })}</div>}
          </div>
        )}
        <Form
          layout="vertical"
          onFinish={onFinish}
          requiredMarkStyle="none"
          footer={
            <Button block type="submit" color="primary" size="large" loading={signIn.isPending} className="r-big-button" data-testid="login-submit">
              {t('login.submit')}
            </Button>
          }
        >
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input placeholder={t('login.usernamePlaceholder')} autoComplete="username" clearable data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input type="password" placeholder={t('login.passwordPlaceholder')} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
        </Form>
      </div>
      )}

      <List className="r-login-prefs" mode="card">
        <List.Item extra={<ElderlySwitch />} description={t('resident.settings.elderlyHint')}>
          {t('resident.settings.elderly')}
        </List.Item>
        <List.Item>
          <div className="r-pref-label">{t('resident.settings.language')}</div>
          <LanguageChooser />
        </List.Item>
      </List>
    </div>
  );
}
