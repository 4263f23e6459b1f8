/** 新建活动: title, colour (service line), target groups, room or place, time, capacity, weekly repeats. */
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { center as schemas } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { targetGroups, type Theme } from '../common';
import { ThemeSelect } from '../components';
import { useCreateEvent, useVenues } from '../data';

interface Values {
  title: string;
  theme: Theme;
  targetGroups: string[];
  venueId?: string;
  location?: string;
  time: [Dayjs, Dayjs];
  capacity?: number | null;
  repeatWeeks?: number;
  description?: string;
}

export function EventFormModal({ centerId, defaultTheme, onClose }: { centerId: string; defaultTheme?: Theme; onClose: () => void }) {
  const { t } = useTranslation('center');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateEvent();
  const venues = useVenues({ centerId, status: 'active', limit: 100 });
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    try {
      const r = await create.mutateAsync({
        centerId,
        title: v.title,
        theme: v.theme,
        targetGroups: v.targetGroups ?? [],
        venueId: v.venueId ?? null,
        location: v.location?.trim() || null,
        startsAt: v.time[0].second(0).toISOString(),
        endsAt: v.time[1].second(0).toISOString(),
        capacity: v.capacity ?? null,
        repeatWeeks: v.repeatWeeks && v.repeatWeeks > 1 ? v.repeatWeeks : undefined,
        description: v.description?.trim() || null,
      });
      message.success(t('event.created', { count: r.items.length }));
      onClose();
    } catch (err) {
      if (!showFieldErrors(form, err, tc)) setError(isApiError(err) ? err.message : String(err));
    }
  };
  const start = dayjs().add(1, 'day').hour(9).minute(0).second(0);
  const required = { required: true, message: tc('fieldErrors.required') };
  return (
    <Modal open title={t('event.create')} onCancel={onClose} onOk={() => form.submit()} okText={tc('common.save')} cancelText={tc('common.cancel')} confirmLoading={create.isPending} destroyOnHidden width={680}>
      {error && <Alert type="error" showIcon message={error} className="form-alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ theme: defaultTheme ?? 'red', targetGroups: [], time: [start, start.add(2, 'hour')] }}>
        <Form.Item name="title" label={t('event.title')} rules={[required, zodRule(schemas.CreateEventBody.shape.title, tc)]}>
          <Input maxLength={100} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="theme" label={t('event.theme')} rules={[required]}>
            <ThemeSelect />
          </Form.Item>
          <Form.Item name="targetGroups" label={t('event.targetGroups')}>
            <Select mode="multiple" options={targetGroups.map((g) => ({ value: g, label: t(`targetGroups.${g}`) }))} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="venueId" label={t('event.venue')} extra={t('event.venueHint')}>
            <Select allowClear options={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))} />
          </Form.Item>
          <Form.Item name="location" label={t('event.location')}>
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="time" label={t('event.time')} rules={[required]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" className="full-width" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="capacity" label={t('event.capacity')} extra={t('event.capacityHint')}>
            <InputNumber min={1} max={100000} className="full-width" />
          </Form.Item>
          <Form.Item name="repeatWeeks" label={t('booking.repeatWeeks')} extra={t('booking.repeatHint')}>
            <InputNumber min={1} max={52} className="full-width" />
          </Form.Item>
        </div>
        <Form.Item name="description" label={t('event.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
