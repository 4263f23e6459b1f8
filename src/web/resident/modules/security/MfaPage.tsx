/**
 * 两步验证 for a resident (optional): scan the QR code with an authenticator app, confirm with the
 * first code, write down the recovery codes shown once; or turn it off again with a code.
 */
import { Button, Dialog, DotLoading, ErrorBlock, Form, Input, NavBar, Result, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { useMfaActions, useMfaStatus, type MfaEnrollment } from './data';
import './security.css';

const codeRule = (message: string) => ({ pattern: /^\s*\d{6}\s*$/, message });

export default function MfaPage() {
  const { t } = useTranslation('security');
  const navigate = useNavigate();
  const status = useMfaStatus();
  const actions = useMfaActions();
  const [enrollment, setEnrollment] = useState<MfaEnrollment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [form] = Form.useForm<{ code: string }>();

  const start = () => actions.start.mutate(undefined, { onSuccess: setEnrollment, onError: (e) => Toast.show({ icon: 'fail', content: e.message }) });
  const confirm = ({ code }: { code: string }) =>
    actions.confirm.mutate(code.trim(), {
      onSuccess: (r) => {
        setEnrollment(null);
        setCodes(r.recoveryCodes);
        form.resetFields();
      },
      onError: (e) => form.setFields([{ name: 'code', errors: [e.message] }]),
    });
  const disable = async () => {
    let code = '';
    const ok = await Dialog.confirm({
      title: t('account.disable'),
      content: (
        <div>
          <p>{t('account.disableHint')}</p>
          <Input inputMode="numeric" maxLength={6} placeholder="123456" onChange={(v) => (code = v)} />
        </div>
      ),
      confirmText: t('account.disableOk'),
    });
    if (!ok) return;
    actions.disable.mutate(code.trim(), {
      onSuccess: () => Toast.show({ icon: 'success', content: t('account.disabled') }),
      onError: (e) => Toast.show({ icon: 'fail', content: e.message }),
    });
  };

  const body = () => {
    if (status.isPending) return <div className="r-center-block"><DotLoading color="primary" /></div>;
    if (status.isError) return <ErrorBlock status="default" title={t('resident.loadFailed')} description={status.error.message} />;
    if (codes) {
      return (
        <section className="r-card" data-testid="recovery-codes">
          <div className="r-card-title">{t('recovery.title')}</div>
          <p className="sr-notice">{t('recovery.hint')}</p>
          <ol className="sr-codes">
            {codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
          <Button block size="large" color="primary" onClick={() => setCodes(null)} data-testid="recovery-done">
            {t('recovery.done')}
          </Button>
        </section>
      );
    }
    if (status.data.enabled) {
      return (
        <>
          <Result status="success" title={t('account.enabledTitle')} description={t('account.enabledSince', { time: formatDateTime(status.data.enabledAt) })} />
          <p className="sr-note sr-center">{t('account.recoveryLeftText', { count: status.data.recoveryCodesLeft })}</p>
          <div className="r-actions">
            <Button block size="large" fill="outline" color="danger" disabled={status.data.required} loading={actions.disable.isPending} onClick={() => void disable()}>
              {t('account.disable')}
            </Button>
          </div>
        </>
      );
    }
    if (!enrollment) {
      return (
        <>
          <Result status="info" title={t('account.offTitle')} description={t('resident.mfaOptional')} />
          <div className="r-actions">
            <Button block size="large" color="primary" className="r-big-button" loading={actions.start.isPending} onClick={start} data-testid="mfa-start">
              {t('account.start')}
            </Button>
          </div>
        </>
      );
    }
    return (
      <section className="r-card">
        <p className="sr-notice">{t('account.scanHint')}</p>
        <div className="sr-qr">
          <img src={enrollment.qrDataUrl} alt={t('account.qrAlt')} width={200} height={200} />
        </div>
        <p className="sr-note">{t('account.manualHint')}</p>
        <p className="sr-key" data-testid="mfa-secret">{enrollment.secret.replace(/(.{4})/g, '$1 ').trim()}</p>
        <Form
          form={form}
          layout="vertical"
          onFinish={confirm}
          requiredMarkStyle="none"
          footer={
            <Button block type="submit" color="primary" size="large" loading={actions.confirm.isPending} data-testid="mfa-confirm">
              {t('account.confirm')}
            </Button>
          }
        >
          <Form.Item name="code" label={t('account.confirmLabel')} rules={[{ required: true, message: t('account.codeRequired') }, codeRule(t('account.codeFormat'))]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="123456" clearable data-testid="mfa-confirm-code" />
          </Form.Item>
        </Form>
      </section>
    );
  };

  return (
    <div className="r-page sr-page">
      <NavBar className="sr-navbar" onBack={() => void navigate(-1)}>
        {t('resident.mfa')}
      </NavBar>
      {body()}
    </div>
  );
}
