/** Who signed up, in arrival order, with check-in/out and hours; the organizer acts row by row. */
import { App, Button, Form, InputNumber, Input, Modal, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../../../shared/csv';
import type { Activity, Signup } from '../common';
import { SignupTag } from '../components';
import { useAttendance, useConfirmHours, useSignups } from '../data';

const time = (iso: string | null) => (iso ? dayjs(iso).format('HH:mm') : '—');

export function AttendanceTable({ activity }: { activity: Activity }) {
  const { t } = useTranslation('volunteers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const signups = useSignups(activity.id);
  const attendance = useAttendance();
  const confirm = useConfirmHours();
  const [correcting, setCorrecting] = useState<Signup | null>(null);
  const [form] = Form.useForm<{ hours: number; reason: string }>();
  const started = Date.parse(activity.startsAt) <= Date.now();
  const onError = (err: Error) => message.error(err.message);
  const mark = (s: Signup, action: 'check-in' | 'check-out' | 'cancel') => attendance.mutate({ signupId: s.id, action }, { onError });

  const columns: TableColumnsType<Signup> = [
    { title: '#', key: 'n', width: 50, render: (_, __, i) => i + 1 },
    { title: t('fields.name'), dataIndex: 'volunteerName' },
    ...(activity.slots.length > 1 ? [{ title: t('activities.fields.role'), dataIndex: 'slotRole' }] : []),
    { title: t('fields.status'), dataIndex: 'status', width: 120, render: (_: unknown, s: Signup) => <SignupTag status={s.status} position={s.position} /> },
    { title: t('attendance.checkedIn'), dataIndex: 'checkedInAt', width: 90, render: (v: string | null, s: Signup) => <span title={s.checkInMethod ? t(`methods.${s.checkInMethod}`) : undefined}>{time(v)}</span> },
    { title: t('attendance.checkedOut'), dataIndex: 'checkedOutAt', width: 90, render: (v: string | null) => time(v) },
    { title: t('attendance.recorded'), dataIndex: 'recordedHours', width: 90, align: 'right', render: (v: number | null) => v ?? '—' },
    {
      title: t('attendance.confirmed'),
      dataIndex: 'confirmedHours',
      width: 140,
      render: (v: number | null, s: Signup) =>
        s.hoursStatus === 'confirmed' ? (
          <Space size={4}>
            <Tag color="green" bordered={false}>{t('common.hours', { hours: v })}</Tag>
            {s.correctionReason && <Typography.Text type="secondary" className="small" title={s.correctionReason}>{t('attendance.corrected')}</Typography.Text>}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, s) =>
        s.status !== 'signed_up' ? null : (
          <Space size={0} wrap>
            {!s.checkedInAt && <Button type="link" size="small" onClick={() => mark(s, 'check-in')} data-testid={`check-in-${s.volunteerName}`}>{t('attendance.checkIn')}</Button>}
            {s.checkedInAt && !s.checkedOutAt && <Button type="link" size="small" onClick={() => mark(s, 'check-out')} data-testid={`check-out-${s.volunteerName}`}>{t('attendance.checkOut')}</Button>}
            {s.hoursStatus === 'recorded' && <Button type="link" size="small" onClick={() => confirm.mutate({ signupId: s.id }, { onError })} data-testid={`confirm-${s.volunteerName}`}>{t('attendance.confirm')}</Button>}
            {s.hoursStatus !== 'confirmed' && started && <Button type="link" size="small" onClick={() => (form.setFieldsValue({ hours: s.recordedHours ?? undefined, reason: '' }), setCorrecting(s))} data-testid={`correct-${s.volunteerName}`}>{t('attendance.correct')}</Button>}
            {!s.checkedInAt && (
              <Popconfirm title={t('attendance.removeConfirm', { name: s.volunteerName })} okText={tc('common.confirm')} cancelText={tc('common.cancel')} onConfirm={() => mark(s, 'cancel')}>
                <Button type="link" size="small" danger>{t('attendance.remove')}</Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];

  const rows = signups.data ?? [];
  const exportCsv = () =>
    downloadCsv(`${activity.title}.csv`, [t('fields.name'), t('fields.status'), t('attendance.checkedIn'), t('attendance.checkedOut'), t('attendance.recorded'), t('attendance.confirmed')], rows.map((s) => [s.volunteerName, t(`signupStatus.${s.status}`), time(s.checkedInAt), time(s.checkedOutAt), s.recordedHours ?? '', s.confirmedHours ?? '']));

  const submitCorrection = (v: { hours: number; reason: string }) =>
    correcting &&
    confirm.mutate(
      { signupId: correcting.id, hours: v.hours, reason: v.reason.trim() || undefined },
      { onSuccess: () => setCorrecting(null), onError: (err) => form.setFields([{ name: 'reason', errors: [err.message] }]) },
    );

  return (
    <>
      <div className="table-toolbar">
        <Typography.Text type="secondary">{t('attendance.summary', { signedUp: activity.signedUp, waitlisted: activity.waitlisted, checkedIn: rows.filter((s) => s.checkedInAt).length })}</Typography.Text>
        <Button onClick={exportCsv} disabled={!rows.length}>{t('common.export')}</Button>
      </div>
      <Table<Signup> rowKey="id" size="small" loading={signups.isFetching} dataSource={rows.filter((s) => s.status !== 'cancelled')} columns={columns} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="attendance-table" />
      <Modal open={!!correcting} title={correcting ? t('attendance.correctTitle', { name: correcting.volunteerName }) : ''} onCancel={() => setCorrecting(null)} onOk={() => form.submit()} okText={t('attendance.confirm')} cancelText={tc('common.cancel')} confirmLoading={confirm.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submitCorrection}>
          <Form.Item name="hours" label={t('attendance.hours')} rules={[{ required: true, message: tc('fieldErrors.required') }, { type: 'number', min: 0, max: 24, message: t('attendance.hoursRange') }]}>
            <InputNumber step={0.5} className="full-width" data-testid="correct-hours" />
          </Form.Item>
          <Form.Item name="reason" label={t('attendance.reason')} extra={t('attendance.reasonHint')}>
            <Input.TextArea rows={2} maxLength={200} data-testid="correct-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
