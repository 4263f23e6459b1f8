/**
 * The party pages' modal form: submits, shows the server's verdict under the fields it names (or
 * as one message), and closes on success. Children are the form's items.
 */
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { showFieldErrors } from '../../components/forms';

export function FormModal<T extends object>(props: {
  title: ReactNode;
  onClose: () => void;
  onSubmit: (values: T) => Promise<unknown>;
  initialValues?: Partial<T>;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
  testId?: string;
  width?: number;
  okText?: ReactNode;
  successText?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: T) => {
    setError(null);
    setBusy(true);
    try {
      await props.onSubmit(values);
      message.success(props.successText ?? t('common.saved'));
      props.onClose();
    } catch (err) {
      if (!showFieldErrors(form, err, t)) setError(isApiError(err) ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
      width={props.width ?? 600}
      okButtonProps={{ ...({ 'data-testid': props.testId ? `${props.testId}-submit` : undefined } as object) }}
    >
      {error && <Alert type="error" showIcon className="form-alert" message={error} data-testid={props.testId ? `${props.testId}-error` : undefined} />}
      <Form<T> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={props.initialValues} data-testid={props.testId}>
        {typeof props.children === 'function' ? props.children(form) : props.children}
      </Form>
    </Modal>
  );
}
