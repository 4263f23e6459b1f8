/** One correction request: what the resident asked and why; resolve or reject it with a note. */
import { App, Alert, Button, Descriptions, Drawer, Form, Input, Result, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { security } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { zodRule } from '../../../components/forms';
import { usePrivacyRequest, usePrivacyRequestActions } from '../data';
import { requestStatusColor } from './labels';

export function RequestDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const { data: me } = useMe();
  const request = usePrivacyRequest(id);
  const actions = usePrivacyRequestActions();
  const [form] = Form.useForm<{ note: string }>();
  const r = request.data;
  const mayHandle = can(me, 'privacy_request.handle') && r?.status === 'pending';

  const handle = async (action: 'resolve' | 'reject') => {
    if (!r) return;
    const { note } = await form.validateFields();
    if (action === 'reject' && !note?.trim()) {
      form.setFields([{ name: 'note', errors: [t('requests.rejectNeedsNote')] }]);
      return;
    }
    modal.confirm({
      title: action === 'resolve' ? t('requests.resolveConfirm') : t('requests.rejectConfirm'),
      content: action === 'resolve' ? t('requests.resolveDetail') : t('requests.rejectDetail'),
      okText: action === 'resolve' ? t('requests.resolve') : t('requests.reject'),
      okButtonProps: { danger: action === 'reject' },
      cancelText: tc('common.cancel'),
      onOk: () =>
        actions[action].mutateAsync({ id: r.id, version: r.version, note: note ?? '' }).then(
          () => {
            message.success(action === 'resolve' ? t('requests.resolved') : t('requests.rejected'));
            form.resetFields();
            onClose();
          },
          (e: Error) => {
            message.error(e.message);
            if (isApiError(e, 'version_conflict')) void request.refetch();
          },
        ),
    });
  };

  return (
    <Drawer open={!!id} onClose={onClose} width={520} title={t('requests.detailTitle')} destroyOnHidden data-testid="request-drawer">
      {request.isPending ? (
        <Skeleton active />
      ) : request.isError ? (
        <Result status="error" title={tc('errors.loadFailed')} subTitle={request.error.message} />
      ) : r ? (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('requests.resident')}>{r.residentName}</Descriptions.Item>
            <Descriptions.Item label={t('requests.kind')}>{t(`requests.kinds.${r.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.field')}>{t(`fields.${r.field}`)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.value')}>{r.value ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('requests.reason')}>{r.reason || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('requests.createdAt')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.status')}>
              <Tag color={requestStatusColor[r.status]}>{t(`requests.statuses.${r.status}`)}</Tag>
            </Descriptions.Item>
            {r.status !== 'pending' && (
              <>
                <Descriptions.Item label={t('requests.responseNote')}>{r.responseNote || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('requests.handledAt')}>{formatDateTime(r.handledAt)}</Descriptions.Item>
              </>
            )}
          </Descriptions>
          {mayHandle && (
            <>
              <Alert className="sec-gap-top" type="info" showIcon message={r.kind === 'deletion' ? t('requests.deletionHint') : t('requests.correctionHint')} />
              <Form form={form} layout="vertical" className="sec-gap-top">
                <Form.Item name="note" label={t('requests.noteLabel')} rules={[zodRule(security.HandlePrivacyRequestBody.shape.note, tc)]}>
                  <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('requests.notePlaceholder')} data-testid="request-note" />
                </Form.Item>
                <Space>
                  <Button type="primary" loading={actions.resolve.isPending} onClick={() => void handle('resolve')} data-testid="request-resolve">
                    {t('requests.resolve')}
                  </Button>
                  <Button danger loading={actions.reject.isPending} onClick={() => void handle('reject')} data-testid="request-reject">
                    {t('requests.reject')}
                  </Button>
                </Space>
              </Form>
            </>
          )}
        </>
      ) : null}
    </Drawer>
  );
}
