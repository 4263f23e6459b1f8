/**
 * 账号安全: the caller's own second factor. Not on → scan the QR code (or type the key), confirm
 * with the first code, keep the recovery codes shown once. On → see when and how many recovery
 * codes are left, make new ones, or turn it off (not allowed for roles that must have it).
 */
import { CheckCircleFilled, KeyOutlined, ReloadOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Result, Skeleton, Space, Steps, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { useMe } from '../../../../shared/me';
import { showFieldErrors } from '../../../components/forms';
import { PageContainer } from '../../../components/PageContainer';
import { useMfaActions, useMfaStatus, type MfaEnrollment, type MfaStatus } from '../data';
import { CodeModal } from './CodeModal';
import { RecoveryCodes } from './RecoveryCodes';
import '../security.css';

/** "JBSW Y3DP EHPK 3PXP": the manual key in groups of four, easier to type. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

export default function AccountSecurityPage() {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const me = useMe();
  const status = useMfaStatus();
  const [codes, setCodes] = useState<string[] | null>(null);

  const restricted = me.data?.restriction === 'mfa_enrollment';
  return (
    <PageContainer title={t('nav.accountSecurity')} description={t('account.description')}>
      {restricted && <Alert className="sec-gap" type="warning" showIcon message={t('account.mustEnrollTitle')} description={t('account.mustEnroll')} data-testid="mfa-must-enroll" />}
      <Card variant="borderless">
        {status.isPending ? (
          <Skeleton active />
        ) : status.isError ? (
          <Result status="error" title={tc('errors.loadFailed')} subTitle={status.error.message} extra={<Button onClick={() => void status.refetch()}>{tc('common.retry')}</Button>} />
        ) : codes ? (
          <RecoveryCodes codes={codes} username={me.data?.username ?? ''} onDone={() => setCodes(null)} />
        ) : status.data.enabled ? (
          <Enabled status={status.data} onNewCodes={setCodes} />
        ) : (
          <Enroll status={status.data} username={me.data?.username ?? ''} onEnabled={setCodes} />
        )}
      </Card>
    </PageContainer>
  );
}

function Enabled({ status, onNewCodes }: { status: MfaStatus; onNewCodes: (codes: string[]) => void }) {
  const { t } = useTranslation('security');
  const { message } = App.useApp();
  const actions = useMfaActions();
  const [dialog, setDialog] = useState<'regenerate' | 'disable' | null>(null);
  return (
    <div data-testid="mfa-enabled">
      <Result
        className="sec-result"
        icon={<CheckCircleFilled className="sec-ok" />}
        title={t('account.enabledTitle')}
        subTitle={t('account.enabledHint')}
      />
      <Descriptions column={1} bordered size="middle" className="sec-gap">
        <Descriptions.Item label={t('account.method')}>{t('account.totp')}</Descriptions.Item>
        <Descriptions.Item label={t('account.enabledAt')}>{formatDateTime(status.enabledAt)}</Descriptions.Item>
        <Descriptions.Item label={t('account.recoveryLeft')}>
          <Space>
            <span data-testid="recovery-left">{status.recoveryCodesLeft}</span>
            {status.recoveryCodesLeft <= 3 && <Tag color="orange">{t('account.recoveryLow')}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('account.requiredLabel')}>{status.required ? <Tag color="blue">{t('account.requiredYes')}</Tag> : <Tag>{t('account.requiredNo')}</Tag>}</Descriptions.Item>
      </Descriptions>
      <Space wrap>
        <Button icon={<ReloadOutlined />} onClick={() => setDialog('regenerate')} data-testid="mfa-regenerate">
          {t('account.regenerate')}
        </Button>
        <Tooltip title={status.required ? t('account.cannotDisable') : undefined}>
          <Button danger icon={<StopOutlined />} disabled={status.required} onClick={() => setDialog('disable')} data-testid="mfa-disable">
            {t('account.disable')}
          </Button>
        </Tooltip>
      </Space>
      <CodeModal
        open={dialog === 'regenerate'}
        title={t('account.regenerate')}
        description={t('account.regenerateHint')}
        okText={t('account.regenerateOk')}
        pending={actions.regenerate.isPending}
        onCancel={() => setDialog(null)}
        onSubmit={async (code) => {
          const result = await actions.regenerate.mutateAsync(code);
          setDialog(null);
          onNewCodes(result.recoveryCodes);
        }}
      />
      <CodeModal
        open={dialog === 'disable'}
        title={t('account.disable')}
        description={t('account.disableHint')}
        okText={t('account.disableOk')}
        danger
        pending={actions.disable.isPending}
        onCancel={() => setDialog(null)}
        onSubmit={async (code) => {
          await actions.disable.mutateAsync(code);
          setDialog(null);
          message.success(t('account.disabled'));
        }}
      />
    </div>
  );
}

function Enroll({ status, username, onEnabled }: { status: MfaStatus; username: string; onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const actions = useMfaActions();
  const [form] = Form.useForm<{ code: string }>();
  const [enrollment, setEnrollment] = useState<MfaEnrollment | null>(null);

  const start = () => actions.start.mutate(undefined, { onSuccess: setEnrollment, onError: (e) => message.error(e.message) });
  const confirm = ({ code }: { code: string }) =>
    actions.confirm.mutate(code.trim(), {
      onSuccess: (result) => {
        message.success(t('account.enrolled'));
        onEnabled(result.recoveryCodes);
      },
      onError: (e) => {
        if (!showFieldErrors(form, e, tc)) message.error(e.message);
      },
    });

  if (!enrollment) {
    return (
      <div data-testid="mfa-off">
        <Result
          className="sec-result"
          icon={<SafetyCertificateOutlined className={status.required ? 'sec-warn' : 'sec-muted'} />}
          title={t('account.offTitle')}
          subTitle={status.required ? t('account.offRequired') : t('account.offHint')}
          extra={
            <Button type="primary" icon={<KeyOutlined />} loading={actions.start.isPending} onClick={start} data-testid="mfa-start">
              {status.pending ? t('account.restart') : t('account.start')}
            </Button>
          }
        />
        {status.pending && <Alert type="info" showIcon message={t('account.pendingHint')} />}
      </div>
    );
  }

  return (
    <div data-testid="mfa-enroll">
      <Steps
        className="sec-gap"
        current={1}
        items={[{ title: t('account.step1') }, { title: t('account.step2') }, { title: t('account.step3') }]}
      />
      <div className="sec-enroll">
        <div className="sec-qr">
          <img src={enrollment.qrDataUrl} alt={t('account.qrAlt')} width={200} height={200} data-testid="mfa-qr" />
        </div>
        <div className="sec-enroll-text">
          <Typography.Paragraph>{t('account.scanHint')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('account.manualHint')}</Typography.Paragraph>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('account.account')}>{username}</Descriptions.Item>
            <Descriptions.Item label={t('account.key')}>
              <Typography.Text className="mono" copyable={{ text: enrollment.secret }} data-testid="mfa-secret" data-secret={enrollment.secret}>
                {grouped(enrollment.secret)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('account.type')}>{t('account.typeValue')}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" className="sec-uri" copyable={{ text: enrollment.otpauthUri, tooltips: [t('account.copyUri'), t('recovery.copied')] }}>
            {t('account.uri')}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={confirm} requiredMark={false} className="sec-confirm">
            <Form.Item
              name="code"
              label={t('account.confirmLabel')}
              rules={[{ required: true, message: t('account.codeRequired') }, { pattern: /^\s*\d{6}\s*$/, message: t('account.codeFormat') }]}
            >
              <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} placeholder="123456" size="large" data-testid="mfa-confirm-code" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={actions.confirm.isPending} data-testid="mfa-confirm">
                {t('account.confirm')}
              </Button>
              <Button onClick={() => setEnrollment(null)}>{t('account.cancel')}</Button>
            </Space>
          </Form>
        </div>
      </div>
    </div>
  );
}
