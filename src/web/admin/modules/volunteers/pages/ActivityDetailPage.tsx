/**
 * One activity for its organizer: the facts, places per role, the rotating check-in code to show
 * on a screen, and the attendance list — check people in and out, confirm or correct their hours
 * (a correction needs a reason), or confirm everything recorded at once.
 */
import { ArrowLeftOutlined, CheckOutlined, QrcodeOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Progress, Result, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer';
import { useActivity, useActivityAction, useConfirmAll } from '../data';
import { AttendanceTable } from './AttendanceTable';
import { QrModal } from './QrModal';
import '../volunteers.css';

export default function ActivityDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('volunteers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const activity = useActivity(id);
  const action = useActivityAction();
  const confirmAll = useConfirmAll();
  const [qr, setQr] = useState(false);
  const a = activity.data;

  if (activity.isError) return <Result status={activity.error.message ? 'warning' : 'error'} title={t('common.loadFailed')} subTitle={activity.error.message} />;
  const run = (what: 'publish' | 'cancel') => a && action.mutate({ id: a.id, action: what, version: a.version }, { onSuccess: () => message.success(t(`activities.done.${what}`)), onError: (err) => message.error(err.message) });

  return (
    <PageContainer
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/volunteers/activities')} aria-label={t('common.back')} />
          {a?.title ?? ''}
        </Space>
      }
      extra={
        a && (
          <Space wrap>
            {a.status === 'draft' && <Button type="primary" onClick={() => run('publish')}>{t('activities.publish')}</Button>}
            {a.status === 'published' && (
              <Button icon={<QrcodeOutlined />} type="primary" onClick={() => setQr(true)} data-testid="show-qr">
                {t('attendance.showQr')}
              </Button>
            )}
            {a.awaitingConfirmation > 0 && (
              <Button icon={<CheckOutlined />} loading={confirmAll.isPending} onClick={() => confirmAll.mutate(a.id, { onSuccess: (r) => message.success(t('attendance.confirmedAll', { count: r.confirmed })), onError: (err) => message.error(err.message) })} data-testid="confirm-all">
                {t('attendance.confirmAll', { count: a.awaitingConfirmation })}
              </Button>
            )}
            {a.status !== 'cancelled' && (
              <Popconfirm title={t('activities.cancelConfirm')} okText={tc('common.confirm')} cancelText={tc('common.cancel')} onConfirm={() => run('cancel')}>
                <Button danger icon={<StopOutlined />}>{t('activities.cancel')}</Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {!a ? (
        <Card loading variant="borderless" />
      ) : (
        <>
          <Card variant="borderless" className="vol-detail-card">
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label={t('activities.fields.time')}>{dayjs(a.startsAt).format('YYYY-MM-DD HH:mm')}–{dayjs(a.endsAt).format('HH:mm')}</Descriptions.Item>
              <Descriptions.Item label={t('activities.fields.place')}>{a.place}</Descriptions.Item>
              <Descriptions.Item label={t('fields.status')}><Tag bordered={false} color={a.status === 'published' ? 'green' : 'default'}>{t(`activityStatus.${a.status}`)}</Tag></Descriptions.Item>
              <Descriptions.Item label={t('activities.fields.category')}>{t(`categories.${a.category}`)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.team')}>{a.teamName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('activities.fields.organizer')}>{a.organizerName ?? '—'}</Descriptions.Item>
              {a.careKind && <Descriptions.Item label={t('activities.fields.careResident')}>{a.careResidentName ?? '—'} · {t(`careKinds.${a.careKind}`)}</Descriptions.Item>}
              <Descriptions.Item label={t('activities.fields.requiredSkills')}>{a.requiredSkills.length ? a.requiredSkills.map((s) => t(`skills.${s}` as 'skills.first_aid')).join(t('common.separator')) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('activities.fields.age')}>{a.minAge === null && a.maxAge === null ? '—' : `${a.minAge ?? 0}–${a.maxAge ?? '∞'}`}</Descriptions.Item>
              <Descriptions.Item label={t('activities.fields.cutoff')}>{t('activities.cutoffText', { minutes: a.cancelCutoffMinutes })}</Descriptions.Item>
              <Descriptions.Item label={t('fields.hours')}>{t('common.hours', { hours: a.confirmedHours })}</Descriptions.Item>
            </Descriptions>
            {a.description && <Typography.Paragraph type="secondary" className="vol-description">{a.description}</Typography.Paragraph>}
            <div className="vol-slots">
              {a.slots.map((s) => (
                <div key={s.id} className="vol-slot" data-testid={`slot-${s.role}`}>
                  <Typography.Text strong>{s.role}</Typography.Text>
                  <Progress percent={Math.round((s.signedUp / s.capacity) * 100)} size="small" format={() => `${s.signedUp}/${s.capacity}`} status={s.signedUp >= s.capacity ? 'exception' : 'active'} />
                  {s.waitlisted > 0 && <Typography.Text type="secondary">{t('activities.waitlisted', { count: s.waitlisted })}</Typography.Text>}
                </div>
              ))}
            </div>
          </Card>
          <Card variant="borderless" title={t('attendance.title')}>
            {a.signedUp + a.waitlisted === 0 ? <Empty description={t('empty.signups')} /> : <AttendanceTable activity={a} />}
          </Card>
        </>
      )}
      {qr && a && <QrModal activity={a} onClose={() => setQr(false)} />}
    </PageContainer>
  );
}
