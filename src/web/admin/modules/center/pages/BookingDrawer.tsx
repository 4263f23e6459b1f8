/** One booking: who, when, why, and the decisions staff may take on it (approve, reject, cancel). */
import { App, Button, Descriptions, Drawer, Input, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api';
import { can, useMe } from '../../../../shared/me';
import { bookingColor, span, type Booking } from '../common';
import { useCancelBooking, useDecideBooking } from '../data';

export function BookingActions({ booking, onDone }: { booking: Booking; onDone?: () => void }) {
  const { t } = useTranslation('center');
  const { message } = App.useApp();
  const me = useMe();
  const decide = useDecideBooking();
  const cancel = useCancelBooking();
  const [note, setNote] = useState('');
  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      onDone?.();
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };
  const managed = booking.bookerKind === 'course' || booking.bookerKind === 'event';
  const approver = can(me.data, 'booking.approve');
  return (
    <Space wrap>
      {booking.status === 'pending' && approver && (
        <>
          <Button type="primary" size="small" loading={decide.isPending} onClick={() => void run(() => decide.mutateAsync({ id: booking.id, action: 'approve', version: booking.version }), t('booking.approved'))} data-testid="booking-approve">
            {t('booking.approve')}
          </Button>
          <Popconfirm
            title={t('booking.rejectTitle')}
            description={<Input.TextArea rows={2} maxLength={200} placeholder={t('booking.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} />}
            onConfirm={() => run(() => decide.mutateAsync({ id: booking.id, action: 'reject', version: booking.version, note: note.trim() || null }), t('booking.rejected'))}
          >
            <Button danger size="small" data-testid="booking-reject">
              {t('booking.reject')}
            </Button>
          </Popconfirm>
        </>
      )}
      {(booking.status === 'pending' || booking.status === 'confirmed') && !managed && (approver || booking.mine) && (
        <Popconfirm title={t('booking.cancelTitle')} onConfirm={() => run(() => cancel.mutateAsync({ id: booking.id }), t('booking.cancelled'))}>
          <Button size="small" data-testid="booking-cancel">
            {t('booking.cancel')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

export function BookingDrawer({ booking, onClose }: { booking: Booking | undefined; onClose: () => void }) {
  const { t } = useTranslation('center');
  return (
    <Drawer open={!!booking} onClose={onClose} title={booking?.purpose} width={460} extra={booking && <BookingActions booking={booking} onDone={onClose} />}>
      {booking && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('booking.venue')}>{booking.venueName}</Descriptions.Item>
          <Descriptions.Item label={t('booking.time')}>{span(booking.startsAt, booking.endsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('booking.status')}>
            <Tag color={bookingColor[booking.status]}>{t(`bookingStatus.${booking.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('booking.bookerKind')}>{t(`bookerKinds.${booking.bookerKind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('booking.booker')}>{booking.bookerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('booking.attendees')}>{booking.attendees ?? '—'}</Descriptions.Item>
          {booking.seriesId && <Descriptions.Item label={t('booking.series')}>{t('booking.isSeries')}</Descriptions.Item>}
          {booking.decisionNote && <Descriptions.Item label={t('booking.note')}>{booking.decisionNote}</Descriptions.Item>}
          {booking.cancelReason && <Descriptions.Item label={t('booking.cancelReason')}>{booking.cancelReason}</Descriptions.Item>}
        </Descriptions>
      )}
    </Drawer>
  );
}
