/**
 * Second sign-in step on the phone, for a resident who turned on 两步验证: the 6-digit code from
 * the authenticator app, or a recovery code. Large field, numeric keyboard, one big button.
 */
import { Button, Form, Input } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useMfaSignIn } from '../../../shared/me';
import type { MeView } from '../../../shared/types';

export function MfaStep(props: { challenge: string; onSignedIn: (me: MeView) => void; onRestart: (expired: boolean) => void }) {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [useRecovery, setUseRecovery] = useState(false);
  const verify = useMfaSignIn();
  const error = verify.error;
  const lockedUntil = isApiError(error, 'account_locked') ? (error.details as { lockedUntil?: string } | undefined)?.lockedUntil : undefined;

  const onFinish = ({ code }: { code: string }) =>
    verify.mutate(
      { challenge: props.challenge, code: code.trim() },
      {
        onSuccess: props.onSignedIn,
        onError: (e) => {
          if (isApiError(e, 'mfa_challenge_expired')) props.onRestart(true);
          else form.setFieldValue('code', '');
        },
      },
    );

  return (
    <div className="r-login-card" data-testid="login-mfa">
      <h2 className="r-card-title">{t('login.title')}</h2>
      <p className="r-login-mfa-hint">{useRecovery ? t('login.recoveryHint') : t('login.totpHint')}</p>
      {error && !isApiError(error, 'mfa_challenge_expired') && (
        <div className="r-error" role="alert" data-testid="login-mfa-error">
          {error.message}
          {lockedUntil && <div className="r-error-detail">{tc('login.lockedUntil', { time: dayjs(lockedUntil).format('HH:mm') })}</div>}
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMarkStyle="none"
        footer={
          <Button block type="submit" color="primary" size="large" loading={verify.isPending} className="r-big-button" data-testid="login-mfa-submit">
            {t('login.verify')}
          </Button>
        }
      >
        <Form.Item
          name="code"
          label={useRecovery ? t('login.recoveryCode') : t('login.totpCode')}
          rules={[
            { required: true, message: useRecovery ? t('login.recoveryRequired') : t('login.totpRequired') },
            { pattern: useRecovery ? /^\s*[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}\s*$/ : /^\s*\d{6}\s*$/, message: useRecovery ? t('login.recoveryFormat') : t('login.totpFormat') },
          ]}
        >
          <Input
            inputMode={useRecovery ? 'text' : 'numeric'}
            autoComplete={useRecovery ? 'off' : 'one-time-code'}
            maxLength={useRecovery ? 14 : 6}
            placeholder={useRecovery ? 'xxxx-xxxx-xxxx' : '123456'}
            clearable
            data-testid="login-mfa-code"
          />
        </Form.Item>
      </Form>
      <div className="r-login-mfa-links">
        <Button
          fill="none"
          color="primary"
          onClick={() => {
            setUseRecovery((v) => !v);
            form.resetFields();
            verify.reset();
          }}
        >
          {useRecovery ? t('login.useTotp') : t('login.useRecovery')}
        </Button>
        <Button fill="none" onClick={() => props.onRestart(false)}>
          {t('login.back')}
        </Button>
      </div>
    </div>
  );
}
