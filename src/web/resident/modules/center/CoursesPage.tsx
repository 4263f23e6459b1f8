/**
 * 课程报名 (elderly mode: big cards, one big button): courses open for enrollment with how full
 * each is; enrolling answers at once — enrolled, or waitlisted with the place in the queue.
 */
import { Button, Dialog, Selector, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuan, type Course } from '../../../admin/modules/center/common';
import { CenterPage, Empty, errorText, Loading, WhoPicker } from './common';
import { useCancelEnrollment, useCourses, useEnroll, useWho } from './data';

type Kind = 'all' | Course['kind'];

export default function CoursesPage() {
  const { t } = useTranslation('center');
  const courses = useCourses();
  const { mine, who, setWho, residents } = useWho();
  const [kind, setKind] = useState<Kind>('all');
  const enroll = useEnroll();
  const cancel = useCancelEnrollment();
  const whoName = residents.find((r) => r.id === who)?.name ?? '';
  const items = (courses.data?.items ?? []).filter((c) => (kind === 'all' || c.kind === kind) && c.enrollmentState !== 'closed');
  const myEnrollment = (c: Course) => mine.data?.enrollments.find((e) => e.courseId === c.id && e.residentId === who);

  const doEnroll = async (c: Course) => {
    const ok = await Dialog.confirm({ content: t('app.enrollConfirm', { name: whoName, course: c.name }), confirmText: t('app.enroll'), cancelText: t('app.back') });
    if (!ok) return;
    try {
      const r = await enroll.mutateAsync({ courseId: c.id, residentId: who });
      await Dialog.alert({
        title: r.status === 'enrolled' ? t('app.enrolledTitle') : t('app.waitlistedTitle'),
        content: r.status === 'enrolled' ? t('app.enrolledText', { course: c.name }) : t('app.waitlistedText', { position: r.position }),
        confirmText: t('app.ok'),
      });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorText(err) });
    }
  };
  const doCancel = async (id: string, c: Course) => {
    const ok = await Dialog.confirm({ content: t('app.cancelEnrollConfirm', { course: c.name }), confirmText: t('app.cancelEnroll'), cancelText: t('app.back') });
    if (!ok) return;
    try {
      await cancel.mutateAsync(id);
      Toast.show({ icon: 'success', content: t('app.cancelled') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorText(err) });
    }
  };

  return (
    <CenterPage title={t('tiles.centerCourses.title')} testId="center-courses">
      <WhoPicker residents={residents} value={who} onChange={setWho} />
      <Selector
        className="r-selector c-filter"
        columns={3}
        value={[kind]}
        onChange={(v) => v[0] && setKind(v[0])}
        options={(['all', 'senior_college', 'after_school'] as const).map((k) => ({ value: k, label: k === 'all' ? t('app.all') : t(`courseKinds.${k}`) }))}
      />
      {courses.isPending || courses.isError || mine.isPending ? (
        // Until my own enrollments are known, no button may offer the wrong action.
        <Loading error={courses.error ?? mine.error} />
      ) : items.length === 0 ? (
        <Empty text={t('app.noCourses')} />
      ) : (
        items.map((c) => {
          const m = myEnrollment(c);
          const full = c.enrolledCount >= c.capacity;
          return (
            <section key={c.id} className="r-card c-item" data-testid={`course-card-${c.name}`}>
              <div className="c-item-head">
                <span className="c-item-title">{c.name}</span>
                {m ? (
                  <Tag color={m.status === 'enrolled' ? 'success' : 'warning'} className="c-tag" data-testid="my-status">
                    {m.status === 'enrolled' ? t('enrollmentStatus.enrolled') : t('enrollment.waitlistPosition', { position: m.position })}
                  </Tag>
                ) : full ? (
                  <Tag color="warning" className="c-tag">
                    {t('app.fullWaitlist')}
                  </Tag>
                ) : null}
              </div>
              <div className="r-line">
                {t(`courseKinds.${c.kind}`)} · {c.weekdays.map((d) => t(`weekdays.${d}` as 'weekdays.1')).join('、')} {c.startTime}–{c.endTime}
              </div>
              <div className="r-line">
                {c.venueName ?? '—'}
                {c.teacherName ? ` · ${c.teacherName}` : ''}
              </div>
              <div className="r-line">
                {t('app.fill', { enrolled: c.enrolledCount, capacity: c.capacity })}
                {c.waitlistCount > 0 ? ` · ${t('course.waitlistCount', { count: c.waitlistCount })}` : ''} · {c.feeFen === 0 ? t('course.free') : yuan(c.feeFen)}
              </div>
              {c.enrollmentState === 'not_open' ? (
                <div className="r-line">{t('app.notOpen')}</div>
              ) : m ? (
                <Button block size="large" className="r-big-button" onClick={() => void doCancel(m.id, c)}>
                  {m.status === 'enrolled' ? t('app.cancelEnroll') : t('app.leaveWaitlist')}
                </Button>
              ) : (
                <Button block size="large" color="primary" className="r-big-button" loading={enroll.isPending && enroll.variables?.courseId === c.id} onClick={() => void doEnroll(c)} data-testid="enroll-button">
                  {full ? t('app.joinWaitlist') : t('app.enroll')}
                </Button>
              )}
            </section>
          );
        })
      )}
    </CenterPage>
  );
}
