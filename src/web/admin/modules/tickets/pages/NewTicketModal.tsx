/**
 * 登记来电来访: staff enter a hotline call, a walk-in, a visit finding or a joint-meeting item for a
 * resident. The building picker lists the community's buildings by estate (no map); the ticket is
 * routed like any other (grid worker on duty, or the category's department).
 */
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { tickets as contracts } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { useTicketLabels } from '../components';
import { useBuildingOptions, useCategories, useCreateTicket } from '../data';

const channels = ['hotline', 'walk_in', 'visit', 'joint_meeting'] as const;
const kinds = ['appeal', 'complaint', 'inquiry', 'suggestion'] as const;

interface Values {
  channel: (typeof channels)[number];
  kind: (typeof kinds)[number];
  category: string;
  buildingId?: string;
  location?: string;
  description: string;
  contactName?: string;
  contactPhone?: string;
}

export function NewTicketModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('tickets');
  const { t: tc } = useTranslation();
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const categories = useCategories(undefined);
  const buildings = useBuildingOptions(undefined, q);
  const create = useCreateTicket();
  const shape = contracts.CreateTicketBody.shape;

  const submit = async () => {
    const values = await form.validateFields();
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    create.mutate(body, {
      onSuccess: (ticket) => {
        void message.success(ticket.assignee ? t('entry.created', { name: ticket.assignee.name }) : t('entry.createdUnassigned'));
        onClose();
        void navigate(`/tickets/${ticket.id}`);
      },
      onError: (err) => {
        if (!showFieldErrors(form, err, tc)) void message.error(isApiError(err) ? err.message : String(err));
      },
    });
  };

  return (
    <Modal open title={t('entry.title')} onCancel={onClose} onOk={() => void submit()} okText={t('common.submit')} cancelText={t('common.cancel')} confirmLoading={create.isPending} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ channel: 'hotline', kind: 'appeal' }} data-testid="ticket-entry-form">
        <div className="form-row">
          <Form.Item name="channel" label={t('entry.channel')} rules={[{ required: true }]}>
            <Select options={channels.map((c) => ({ value: c, label: labels.channel(c) }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true }]}>
            <Select options={kinds.map((k) => ({ value: k, label: labels.kind(k) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('fields.category')} rules={[zodRule(shape.category, tc)]}>
            <Select data-testid="entry-category" options={(categories.data ?? []).map((c) => ({ value: c.key, label: labels.category(c.key, c.name) }))} />
          </Form.Item>
        </div>
        <Form.Item name="buildingId" label={t('entry.building')}>
          <Select
            showSearch
            allowClear
            filterOption={false}
            onSearch={setQ}
            placeholder={t('entry.buildingPlaceholder')}
            notFoundContent={t('entry.noBuilding')}
            loading={buildings.isFetching}
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.gridName ? `${b.label} · ${b.gridName}` : b.label }))}
            data-testid="entry-building"
          />
        </Form.Item>
        <Form.Item name="location" label={t('fields.location')} rules={[zodRule(shape.location, tc)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')} rules={[zodRule(shape.description, tc)]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="entry-description" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="contactName" label={t('entry.contactName')} rules={[zodRule(shape.contactName, tc)]}>
            <Input maxLength={50} data-testid="entry-contact-name" />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('entry.contactPhone')} rules={[zodRule(shape.contactPhone, tc)]}>
            <Input maxLength={20} data-testid="entry-contact-phone" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
