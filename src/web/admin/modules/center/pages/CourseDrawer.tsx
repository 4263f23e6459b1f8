/**
 * One course: the enrollment list (enrolled, then the waitlist in promotion order), enrolling a
 * resident at the counter, and per-session attendance — for the 4:30 school also who picked the
 * child up and when.
 */
import { App, Button, Descriptions, Drawer, Popconfirm, Segmented, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { enrollmentColor, yuan, type Enrollment } from '../common';
import { ResidentPicker, ThemeTag } from '../components';
import { useCancelEnrollment, useCourse, useEnrollFor, useEnrollments } from '../data';
import { AttendancePanel } from './AttendancePanel';

export function CourseDrawer({ courseId, communityId, onClose }: { courseId: string | undefined; communityId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('center');
  const course = useCourse(courseId);
  const c = course.data;
  return (
    <Drawer open={!!courseId} onClose={onClose} width={880} title={c ? `${c.name}（${t(`courseKinds.${c.kind}`)} · ${c.term}）` : ' '} destroyOnHidden>
      {c && (
        <>
          <Descriptions size="small" column={3} className="center-subtoolbar">
            <Descriptions.Item label={t('course.teacher')}>{c.teacherName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('course.venue')}>{c.venueName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('course.theme')}>
              <ThemeTag theme={c.theme} />
            </Descriptions.Item>
            <Descriptions.Item label={t('course.fill')}>
              <span data-testid="drawer-fill">{t('course.fillText', { enrolled: c.enrolledCount, capacity: c.capacity, waitlist: c.waitlistCount })}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('course.fee')}>{c.feeFen === 0 ? t('course.free') : yuan(c.feeFen)}</Descriptions.Item>
            <Descriptions.Item label={t('course.ages')}>{c.minAge != null || c.maxAge != null ? `${c.minAge ?? ''}–${c.maxAge ?? ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('course.dates')}>{`${c.startsOn} ~ ${c.endsOn}`}</Descriptions.Item>
            <Descriptions.Item label={t('course.sessionCount')}>{c.sessionCount}</Descriptions.Item>
            <Descriptions.Item label={t('course.enrollmentWindow')}>{`${formatDateTime(c.enrollmentOpensAt)} ~ ${formatDateTime(c.enrollmentClosesAt)}`}</Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[
              { key: 'enrollments', label: t('course.enrollments'), children: <EnrollmentList courseId={c.id} communityId={communityId ?? c.communityId} /> },
              { key: 'attendance', label: t('course.attendance'), children: <AttendancePanel courseId={c.id} kind={c.kind} /> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

function EnrollmentList({ courseId, communityId }: { courseId: string; communityId: string }) {
  const { t } = useTranslation('center');
  const { message } = App.useApp();
  const me = useMe();
  const paging = useCursorPaging(50);
  const [status, setStatus] = useState<'all' | Enrollment['status']>('all');
  const list = useEnrollments(courseId, { status: status === 'all' ? undefined : status, cursor: paging.cursor, limit: paging.size });
  const cancel = useCancelEnrollment();
  const enroll = useEnrollFor();
  const [residentId, setResidentId] = useState<string>();
  const manage = can(me.data, 'course.manage');

  const doEnroll = async () => {
    if (!residentId) return;
    try {
      const r = await enroll.mutateAsync({ courseId, residentId });
      message.success(r.status === 'enrolled' ? t('course.enrolledOk') : t('course.waitlistedOk', { position: r.position }));
      setResidentId(undefined);
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };
  const doCancel = async (e: Enrollment) => {
    try {
      const r = await cancel.mutateAsync(e.id);
      message.success(r.promoted > 0 ? t('course.cancelledPromoted', { count: r.promoted }) : t('course.cancelledOk'));
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  return (
    <>
      <div className="table-toolbar">
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as typeof status);
            paging.reset();
          }}
          options={(['all', 'enrolled', 'waitlisted', 'cancelled'] as const).map((s) => ({ value: s, label: t(`enrollmentFilter.${s}`) }))}
        />
        {manage && (
          <Space>
            <div style={{ width: 260 }}>
              <ResidentPicker communityId={communityId} value={residentId} onChange={setResidentId} testId="enroll-resident" />
            </div>
            <Button type="primary" disabled={!residentId} loading={enroll.isPending} onClick={() => void doEnroll()}>
              {t('course.enrollAtCounter')}
            </Button>
          </Space>
        )}
      </div>
      <Table<Enrollment>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('empty.enrollments') }}
        data-testid="enrollments-table"
        columns={[
          { title: t('enrollment.seq'), dataIndex: 'seq', width: 70 },
          { title: t('enrollment.resident'), dataIndex: 'residentName' },
          { title: t('enrollment.age'), dataIndex: 'age', render: (a: number | null) => a ?? '—' },
          {
            title: t('enrollment.status'),
            key: 'status',
            render: (_, e) => <Tag color={enrollmentColor[e.status]}>{e.status === 'waitlisted' && e.position ? t('enrollment.waitlistPosition', { position: e.position }) : t(`enrollmentStatus.${e.status}`)}</Tag>,
          },
          { title: t('enrollment.channel'), dataIndex: 'channel', render: (ch: Enrollment['channel']) => t(`channels.${ch}`) },
          { title: t('enrollment.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('enrollment.promotedAt'), dataIndex: 'promotedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, e) =>
              manage && e.status !== 'cancelled' ? (
                <Popconfirm title={t('course.cancelEnrollmentTitle', { name: e.residentName })} description={e.status === 'enrolled' ? t('course.cancelEnrollmentHint') : undefined} onConfirm={() => doCancel(e)}>
                  <a>{t('common.cancelAction')}</a>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
    </>
  );
}
