/**
 * Sign-in: username and password; the server's localized message on failure (wrong password,
 * account locked with the time it opens again, too many attempts). An account with a second factor
 * then gives a TOTP code or a recovery code (MfaStep). After sign-in, back to the page the user was
 * sent away from — or, for a session that must enroll MFA first, to 账号安全.
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import logoUrl from '../../../shared/assets/logo.svg';
import { isMfaChallenge, useSignIn, type MfaChallenge } from '../../../shared/me';
import type { MeView } from '../../../shared/types';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { MfaStep } from './MfaStep';
import './login.css';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-app paths: an attacker-supplied `next=https://…` must not become an open redirect. */
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

  const done = (me: MeView) => void navigate(me.restriction === 'mfa_enrollment' ? '/security/account' : safeNext(params.get('next')), { replace: true });
  const onFinish = (values: Credentials) => {
    setExpired(false);
    signIn.mutate(values, { onSuccess: (result) => (isMfaChallenge(result) ? setChallenge(result) : done(result)) });
  };
  const restart = (becauseExpired: boolean) => {
    signIn.reset();
    setChallenge(null);
    setExpired(becauseExpired);
  };

  return (
    <div className="login-page">
      <section className="login-hero">
        <div className="login-hero-brand">
          <img src={logoUrl} alt="" className="login-logo" />
          <span className="login-hero-name">{t('app.name')}</span>
        </div>
        <div className="login-hero-body">
          <Typography.Title level={1} className="login-hero-title">
            {t('login.heroTitle')}
          </Typography.Title>
          <Typography.Paragraph className="login-hero-text">{t('login.heroText')}</Typography.Paragraph>
          <ul className="login-hero-points">
            <li>{t('login.point1')}</li>
            <li>{t('login.point2')}</li>
            <li>{t('login.point3')}</li>
          </ul>
        </div>
        <div className="login-hero-foot">{t('app.footer')}</div>
      </section>
      <section className="login-panel">
        <div className="login-lang">
          <LanguageSwitch />
        </div>
        {challenge ? (
          <MfaStep challenge={challenge.challenge} onSignedIn={done} onRestart={restart} />
        ) : (
        <div className="login-card">
          <Typography.Title level={3}>{t('login.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {expired && !error && <Alert className="login-error" type="warning" showIcon message={ts('login.expired')} data-testid="login-mfa-expired" />}
          {error && (
            <Alert
              className="login-error"
              data-testid="login-error"
              type={isApiError(error, 'account_locked') ? 'warning' : 'error'}
              showIcon
              message={error.message}
              description={lockedUntil ? t('login.lockedUntil', { time: dayjs(lockedUntil).format('HH:mm') }) : undefined}
            />
          )}
          <Form<Credentials> layout="vertical" size="large" requiredMark={false} onFinish={onFinish} disabled={signIn.isPending}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder={t('login.usernamePlaceholder')} />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder={t('login.passwordPlaceholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" className="login-help">
            {t('login.help')}
          </Typography.Paragraph>
        </div>
        )}
      </section>
    </div>
  );
}
