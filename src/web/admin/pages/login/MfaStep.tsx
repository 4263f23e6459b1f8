/**
 * The second sign-in step: a 6-digit code from the authenticator app, or — phone lost — one of
 * the recovery codes handed out at enrollment (each works once). An expired or used-up challenge
 * sends the user back to the password step; a wrong code counts towards the account's lockout.
 */
import { KeyOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { useMfaSignIn } from '../../../shared/me';
import type { MeView } from '../../../shared/types';

const totpPattern = /^\d{6}$/;
const recoveryPattern = /^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$/;

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

  const switchMode = () => {
    setUseRecovery((v) => !v);
    form.resetFields();
    verify.reset();
  };

  return (
    <div className="login-card" data-testid="login-mfa">
      <Typography.Title level={3}>
        <SafetyOutlined /> {t('login.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{useRecovery ? t('login.recoveryHint') : t('login.totpHint')}</Typography.Paragraph>
      {error && !isApiError(error, 'mfa_challenge_expired') && (
        <Alert
          className="login-error"
          data-testid="login-mfa-error"
          type={isApiError(error, 'account_locked') ? 'warning' : 'error'}
          showIcon
          message={error.message}
          description={lockedUntil ? tc('login.lockedUntil', { time: dayjs(lockedUntil).format('HH:mm') }) : undefined}
        />
      )}
      <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={onFinish} disabled={verify.isPending}>
        <Form.Item
          name="code"
          label={useRecovery ? t('login.recoveryCode') : t('login.totpCode')}
          rules={[
            { required: true, whitespace: true, message: useRecovery ? t('login.recoveryRequired') : t('login.totpRequired') },
            { pattern: useRecovery ? recoveryPattern : totpPattern, message: useRecovery ? t('login.recoveryFormat') : t('login.totpFormat') },
          ]}
        >
          {useRecovery ? (
            <Input prefix={<KeyOutlined />} autoComplete="off" autoFocus placeholder="xxxx-xxxx-xxxx" data-testid="login-mfa-code" />
          ) : (
            <Input
              prefix={<KeyOutlined />}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              autoFocus
              placeholder="123456"
              data-testid="login-mfa-code"
            />
          )}
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={verify.isPending} data-testid="login-mfa-submit">
          {t('login.verify')}
        </Button>
      </Form>
      <div className="login-mfa-links">
        <Button type="link" onClick={switchMode} data-testid="login-mfa-switch">
          {useRecovery ? t('login.useTotp') : t('login.useRecovery')}
        </Button>
        <Button type="link" onClick={() => props.onRestart(false)}>
          {t('login.back')}
        </Button>
      </div>
    </div>
  );
}
