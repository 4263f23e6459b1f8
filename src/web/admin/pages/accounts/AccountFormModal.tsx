/**
 * Create an account (username, display name, initial password) or edit one (display name, status).
 * The server's per-field answers (weak password, username taken…) appear under their fields.
 */
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accounts as schemas } from '../../../../contracts';
import { isApiError } from '../../../shared/api';
import type { AccountView } from '../../../shared/types';
import { showFieldErrors, zodRule } from '../../components/forms';
import { useCreateAccount, useUpdateAccount } from './useAccounts';

interface Values {
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
  status: 'active' | 'disabled';
}

export function AccountFormModal({ account, onClose }: { account: AccountView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const [error, setError] = useState<string | null>(null);
  const body = schemas.CreateAccountBody.shape;

  const submit = async (values: Values) => {
    setError(null);
    try {
      if (account) {
        await update.mutateAsync({ id: account.id, version: account.version, displayName: values.displayName, status: values.status });
        message.success(t('common.saved'));
      } else {
        await create.mutateAsync({ username: values.username, displayName: values.displayName, password: values.password });
        message.success(t('accounts.createdHint', { username: values.username.trim().toLowerCase() }));
      }
      onClose();
    } catch (err) {
      if (isApiError(err, 'version_conflict')) setError(t('errors.versionConflict'));
      else if (!showFieldErrors(form, err, t)) setError(isApiError(err) ? err.message : String(err));
    }
  };

  return (
    <Modal
      open
      title={account ? t('accounts.editTitle', { name: account.displayName }) : t('accounts.create')}
      onCancel={onClose}
      okText={account ? t('common.save') : t('accounts.createSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'account-form-submit' } as Record<string, string>}
      destroyOnHidden
      width={520}
    >
      {error && <Alert type="error" showIcon className="form-alert" message={error} data-testid="account-form-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={account ? { displayName: account.displayName, status: account.status } : { status: 'active' }}
        data-testid="account-form"
      >
        {!account && (
          <Form.Item name="username" label={t('accounts.fields.username')} rules={[zodRule(body.username, t)]} extra={t('accounts.usernameHint')} required>
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('accounts.fields.displayName')} rules={[zodRule(body.displayName, t)]} required>
          <Input maxLength={50} placeholder={t('accounts.displayNamePlaceholder')} />
        </Form.Item>
        {!account && (
          <>
            <Form.Item name="password" label={t('accounts.fields.password')} rules={[zodRule(body.password, t)]} extra={t('accounts.passwordHint')} required>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirmPassword"
              label={t('accounts.fields.confirmPassword')}
              dependencies={['password']}
              required
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value) => {
                    if (!value) throw new Error(t('fieldErrors.required'));
                    if (value !== getFieldValue('password')) throw new Error(t('accounts.passwordMismatch'));
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        {account && (
          <Form.Item name="status" label={t('accounts.fields.status')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'active', label: t('accounts.status.active') },
                { value: 'disabled', label: t('accounts.status.disabled') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
