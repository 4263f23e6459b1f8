/**
 * 申请更正 (PIPL right to correction): pick what is wrong, say what it should be and why; the
 * community handles it and the answer comes back to the message box and to 我的数据.
 */
import { Button, Form, Input, NavBar, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { security } from '../../../../contracts';
import { useCreateRequest, type RequestField } from './data';
import './security.css';

const fields = security.privacyRequestField.options;
type Kind = 'correction' | 'deletion';

interface Values {
  kind: Kind[];
  field: RequestField[];
  value?: string;
  reason?: string;
}

export default function CorrectionPage() {
  const { t } = useTranslation('security');
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<Kind>('correction');
  const create = useCreateRequest();

  const onFinish = (v: Values) =>
    create.mutate(
      { kind: v.kind[0]!, field: v.field[0]!, value: kind === 'correction' ? v.value?.trim() : undefined, reason: v.reason?.trim() ?? '' },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('correction.sent') });
          void navigate('/privacy', { replace: true });
        },
        onError: (e) => {
          const issues = 'fieldIssues' in e ? (e as { fieldIssues: { field: string }[] }).fieldIssues : [];
          if (issues.length > 0) form.setFields(issues.map((i) => ({ name: i.field, errors: [e.message] })));
          Toast.show({ icon: 'fail', content: e.message });
        },
      },
    );

  return (
    <div className="r-page sr-page">
      <NavBar className="sr-navbar" onBack={() => void navigate('/privacy')}>
        {t('resident.correct')}
      </NavBar>
      <p className="sr-intro">{t('correction.intro')}</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: ['correction'] }}
        onFinish={onFinish}
        requiredMarkStyle="none"
        footer={
          <Button block type="submit" color="primary" size="large" className="r-big-button" loading={create.isPending} data-testid="correction-submit">
            {t('correction.submit')}
          </Button>
        }
      >
        <Form.Item name="kind" label={t('correction.kind')} rules={[{ required: true, type: 'array', min: 1, message: t('correction.kindRequired') }]}>
          <Selector
            className="r-selector"
            columns={2}
            options={(['correction', 'deletion'] as const).map((k) => ({ value: k, label: t(`requests.kinds.${k}`) }))}
            onChange={(v) => v[0] && setKind(v[0] as Kind)}
          />
        </Form.Item>
        <Form.Item name="field" label={t('correction.field')} rules={[{ required: true, type: 'array', min: 1, message: t('correction.fieldRequired') }]}>
          <Selector className="r-selector" columns={3} options={fields.map((f) => ({ value: f, label: t(`fields.${f}`) }))} data-testid="correction-field" />
        </Form.Item>
        {kind === 'correction' && (
          <Form.Item
            name="value"
            label={t('correction.value')}
            rules={[
              { required: true, whitespace: true, message: t('correction.valueRequired') },
              { max: 200, message: t('correction.tooLong', { max: 200 }) },
            ]}
          >
            <Input placeholder={t('correction.valuePlaceholder')} maxLength={200} clearable data-testid="correction-value" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('correction.reason')} rules={[{ max: 500, message: t('correction.tooLong', { max: 500 }) }]}>
          <TextArea placeholder={t('correction.reasonPlaceholder')} maxLength={500} showCount rows={3} data-testid="correction-reason" />
        </Form.Item>
      </Form>
    </div>
  );
}
