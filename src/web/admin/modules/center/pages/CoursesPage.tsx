/**
 * 课程: senior college and 4:30 school courses with how full each is (enrolled / capacity and the
 * waitlist), filters by kind, term and name; create and edit; the drawer holds the enrollment list
 * in waitlist order and the attendance of each session.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Progress, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { can, useMe } from '../../../../shared/me';
import { yuan, type Course } from '../common';
import { CenterSelect, ThemeTag, useCenterChoice } from '../components';
import { useCourses } from '../data';
import { CourseDrawer } from './CourseDrawer';
import { CourseFormModal } from './CourseFormModal';
import '../center.css';

export default function CoursesPage() {
  const { t } = useTranslation('center');
  const me = useMe();
  const choice = useCenterChoice();
  const paging = useCursorPaging(20);
  const [kind, setKind] = useState<string>();
  const [status, setStatus] = useState<string | undefined>('active');
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  const [opened, setOpened] = useState<string>();
  const [editing, setEditing] = useState<Course | 'new'>();
  const list = useCourses({ centerId: choice.centerId, kind, status, q: q || undefined, term: term || undefined, cursor: paging.cursor, limit: paging.size });
  const manage = can(me.data, 'course.manage');
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    paging.reset();
  };

  return (
    <PageContainer
      title={t('nav.centerCourses')}
      description={t('navDescriptions.centerCourses')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-course">
            {t('course.create')}
          </Button>
        )
      }
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <CenterSelect choice={choice} />
            <Select allowClear className="toolbar-select" placeholder={t('course.kind')} value={kind} onChange={filter(setKind)} options={(['senior_college', 'after_school'] as const).map((k) => ({ value: k, label: t(`courseKinds.${k}`) }))} data-testid="course-kind-filter" />
            <Select allowClear className="toolbar-select" placeholder={t('course.status')} value={status} onChange={filter(setStatus)} options={(['active', 'cancelled'] as const).map((s) => ({ value: s, label: t(`courseStatus.${s}`) }))} />
            <Input.Search allowClear className="toolbar-select" placeholder={t('course.term')} onSearch={filter(setTerm)} />
            <Input.Search allowClear className="toolbar-select wide" placeholder={t('course.searchName')} onSearch={filter(setQ)} data-testid="course-search" />
          </Space>
        </div>
        <Table<Course>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('empty.courses') }}
          data-testid="courses-table"
          columns={[
            {
              title: t('course.name'),
              dataIndex: 'name',
              render: (n: string, c) => (
                <Space direction="vertical" size={0}>
                  <a onClick={() => setOpened(c.id)} data-testid={`course-${n}`}>{n}</a>
                  <span className="center-muted">
                    {t(`courseKinds.${c.kind}`)} · {c.term}
                  </span>
                </Space>
              ),
            },
            { title: t('course.theme'), dataIndex: 'theme', render: (th: Course['theme']) => <ThemeTag theme={th} /> },
            { title: t('course.teacher'), dataIndex: 'teacherName', render: (v: string | null) => v ?? '—' },
            { title: t('course.schedule'), key: 'schedule', render: (_, c) => <span>{c.weekdays.map((d) => t(`weekdays.${d}` as 'weekdays.1')).join('、')} {c.startTime}–{c.endTime}<br /><span className="center-muted">{c.venueName ?? '—'}</span></span> },
            {
              title: t('course.fill'),
              key: 'fill',
              sorter: (a, b) => a.enrolledCount / a.capacity - b.enrolledCount / b.capacity,
              render: (_, c) => (
                <div data-testid="course-fill">
                  <Progress percent={Math.round((c.enrolledCount / c.capacity) * 100)} size="small" status={c.enrolledCount >= c.capacity ? 'exception' : 'normal'} format={() => `${c.enrolledCount}/${c.capacity}`} />
                  {c.waitlistCount > 0 && <Tag color="gold">{t('course.waitlistCount', { count: c.waitlistCount })}</Tag>}
                </div>
              ),
            },
            { title: t('course.fee'), dataIndex: 'feeFen', render: (f: number) => (f === 0 ? t('course.free') : yuan(f)) },
            { title: t('course.enrollment'), dataIndex: 'enrollmentState', render: (s: Course['enrollmentState'], c) => (c.status === 'cancelled' ? <Tag>{t('courseStatus.cancelled')}</Tag> : <Tag color={s === 'open' ? 'green' : s === 'not_open' ? 'blue' : 'default'}>{t(`enrollmentStates.${s}`)}</Tag>) },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, c) => (
                <Space>
                  <a onClick={() => setOpened(c.id)}>{t('course.enrollments')}</a>
                  {manage && <a onClick={() => setEditing(c)}>{t('common.edit')}</a>}
                </Space>
              ),
            },
          ]}
        />
        <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
      </Card>
      <CourseDrawer courseId={opened} communityId={list.data?.items.find((c) => c.id === opened)?.communityId} onClose={() => setOpened(undefined)} />
      {editing && choice.centerId && <CourseFormModal course={editing === 'new' ? undefined : editing} centerId={choice.centerId} onClose={() => setEditing(undefined)} />}
    </PageContainer>
  );
}
