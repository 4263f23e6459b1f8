/** The form of one transition: only the fields the state table says it needs (reason, resolution, assignee, rating). */
import { App, Form, Input, Modal, Rate, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { tickets as contracts } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { useTicketLabels } from '../components';
import { usePeople, useTicketAction, type Ticket, type TicketAction } from '../data';

export function ActionModal({ ticket, action, needs, onClose }: { ticket: Ticket; action: TicketAction; needs: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation('tickets');
  const { t: tc } = useTranslation();
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const mutation = useTicketAction(ticket.id);
  const workers = usePeople(needs.includes('assigneeId') ? ticket.communityId : undefined, 'workers');
  const shape = contracts.TicketActionBody.shape;
  const name = labels.action(action);

  const submit = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    mutation.mutate(
      { action, body: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) },
      {
        onSuccess: () => {
          void message.success(t('act.done', { action: name }));
          onClose();
        },
        onError: (err) => {
          if (!showFieldErrors(form, err, tc)) void message.error(isApiError(err) ? err.message : String(err));
        },
      },
    );
  };

  return (
    <Modal open title={t('act.title', { action: name })} onCancel={onClose} onOk={() => void submit()} okText={t('act.confirm', { action: name })} cancelText={t('common.cancel')} confirmLoading={mutation.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="action-form">
        {needs.includes('assigneeId') && (
          <Form.Item name="assigneeId" label={t('act.assignee')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={workers.isFetching}
              options={(workers.data ?? []).filter((p) => p.accountId !== ticket.assignee?.accountId).map((p) => ({ value: p.accountId, label: p.name }))}
              data-testid="action-assignee"
            />
          </Form.Item>
        )}
        {needs.includes('resolution') && (
          <Form.Item name="resolution" label={t('act.resolution')} rules={[zodRule(shape.resolution.unwrap(), tc)]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('act.resolutionPlaceholder')} data-testid="action-resolution" />
          </Form.Item>
        )}
        {needs.includes('reason') && (
          <Form.Item name="reason" label={t('act.reason')} rules={[zodRule(shape.reason.unwrap(), tc)]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('act.reasonPlaceholder')} data-testid="action-reason" />
          </Form.Item>
        )}
        {needs.includes('rating') && (
          <>
            <Form.Item name="rating" label={t('act.rating')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
              <Rate />
            </Form.Item>
            <Form.Item name="comment" label={t('act.comment')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
