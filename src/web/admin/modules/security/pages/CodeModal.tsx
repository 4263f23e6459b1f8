/** Asks for a current 6-digit authenticator code before a change to the second factor (regenerate, disable). */
import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../components/forms';

export function CodeModal(props: {
  open: boolean;
  title: ReactNode;
  description: ReactNode;
  okText: string;
  danger?: boolean;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (code: string) => Promise<unknown>;
}) {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const submit = async () => {
    const { code } = await form.validateFields();
    try {
      await props.onSubmit(code.trim());
      form.resetFields();
    } catch (error) {
      if (!showFieldErrors(form, error, tc)) form.setFields([{ name: 'code', errors: [(error as Error).message] }]);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger, loading: props.pending }}
      onOk={() => void submit()}
      onCancel={() => {
        form.resetFields();
        props.onCancel();
      }}
      destroyOnHidden
    >
      <p>{props.description}</p>
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="code" label={t('account.code')} rules={[{ required: true, message: t('account.codeRequired') }, { pattern: /^\s*\d{6}\s*$/, message: t('account.codeFormat') }]}>
          <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} placeholder="123456" autoFocus data-testid="code-modal-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
