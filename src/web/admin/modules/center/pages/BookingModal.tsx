/**
 * 新建预约: room, time, purpose, head count, weekly repeats. A clash answers 409 booking_conflict:
 * its message stays on the form so staff pick another time without losing what they typed.
 */
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { center as schemas } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { showFieldErrors, zodRule } from '../../../components/forms';
import type { Venue } from '../common';
import { useBook } from '../data';

interface Values {
  venueId: string;
  time: [Dayjs, Dayjs];
  purpose: string;
  attendees?: number;
  repeatWeeks?: number;
}

export function BookingModal({ venues, defaults, onClose }: { venues: Venue[]; defaults: { venueId?: string; start: Dayjs }; onClose: () => void }) {
  const { t } = useTranslation('center');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const book = useBook();
  const [error, setError] = useState<string | null>(null);
  const venueId = Form.useWatch('venueId', form);
  const venue = venues.find((v) => v.id === venueId);

  const submit = async (v: Values) => {
    setError(null);
    try {
      const created = await book.mutateAsync({
        venueId: v.venueId,
        startsAt: v.time[0].second(0).millisecond(0).toISOString(),
        endsAt: v.time[1].second(0).millisecond(0).toISOString(),
        purpose: v.purpose,
        attendees: v.attendees ?? undefined,
        repeatWeeks: v.repeatWeeks && v.repeatWeeks > 1 ? v.repeatWeeks : undefined,
      });
      message.success(t(created.status === 'pending' ? 'booking.createdPending' : 'booking.created', { count: created.occurrences.length }));
      onClose();
    } catch (err) {
      if (!showFieldErrors(form, err, tc)) setError(isApiError(err) ? err.message : String(err));
    }
  };

  // A whole hour inside common opening hours (08:30–20:30): 09:00 at the earliest, 19:00 at the latest.
  const start = defaults.start.hour(Math.max(9, Math.min(19, defaults.start.hour()))).minute(0).second(0).millisecond(0);
  return (
    <Modal open title={t('booking.create')} onCancel={onClose} onOk={() => form.submit()} okText={tc('common.save')} cancelText={tc('common.cancel')} confirmLoading={book.isPending} destroyOnHidden width={600} okButtonProps={{ 'data-testid': 'booking-submit' } as Record<string, string>}>
      {error && <Alert type="error" showIcon message={error} className="form-alert" data-testid="booking-error" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ venueId: defaults.venueId, time: [start, start.add(1, 'hour')] }} onValuesChange={() => setError(null)}>
        <Form.Item name="venueId" label={t('booking.venue')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <Select showSearch optionFilterProp="label" options={venues.filter((v) => v.status === 'active').map((v) => ({ value: v.id, label: v.name }))} data-testid="booking-venue" />
        </Form.Item>
        {venue && <div className="center-hint">{t('booking.venueHint', { opensAt: venue.opensAt, closesAt: venue.closesAt, capacity: venue.capacity })}</div>}
        <Form.Item name="time" label={t('booking.time')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" className="full-width" data-testid="booking-time" />
        </Form.Item>
        <Form.Item name="purpose" label={t('booking.purpose')} rules={[{ required: true, message: tc('fieldErrors.required') }, zodRule(schemas.CreateBookingBody.shape.purpose, tc)]}>
          <Input maxLength={200} data-testid="booking-purpose" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="attendees" label={t('booking.attendees')} rules={[zodRule(schemas.CreateBookingBody.shape.attendees, tc)]}>
            <InputNumber min={1} max={venue?.capacity ?? 10000} className="full-width" />
          </Form.Item>
          <Form.Item name="repeatWeeks" label={t('booking.repeatWeeks')} extra={t('booking.repeatHint')}>
            <InputNumber min={1} max={26} className="full-width" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
