/**
 * 我的中心: my (and my household's) courses with waitlist places, event signups, room bookings,
 * meal orders, and the short satisfaction survey after an event or a course: five big faces.
 */
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { bookingColor, yuan } from '../../../admin/modules/center/common';
import { CenterPage, Empty, errorText, Loading, when } from './common';
import { useCancelBooking, useMyCenter, useRate } from './data';

const faces = ['😣', '🙁', '😐', '🙂', '😄'];

export default function MinePage() {
  const { t } = useTranslation('center');
  const mine = useMyCenter();
  const rate = useRate();
  const cancelBooking = useCancelBooking();
  const d = mine.data;

  const doRate = async (s: NonNullable<typeof d>['surveys'][number], score: number) => {
    try {
      await rate.mutateAsync({ subjectKind: s.subjectKind, subjectId: s.subjectId, score, residentId: s.residentId });
      Toast.show({ icon: 'success', content: t('app.thanks') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorText(err) });
    }
  };
  const doCancelBooking = async (id: string) => {
    const ok = await Dialog.confirm({ content: t('booking.cancelTitle'), confirmText: t('booking.cancel'), cancelText: t('app.back') });
    if (!ok) return;
    try {
      await cancelBooking.mutateAsync(id);
      Toast.show({ icon: 'success', content: t('app.cancelled') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorText(err) });
    }
  };

  if (!d) return <CenterPage title={t('tiles.centerMine.title')}><Loading error={mine.error} /></CenterPage>;
  return (
    <CenterPage title={t('tiles.centerMine.title')} testId="center-mine">
      {d.surveys.map((s) => (
        <section key={`${s.subjectKind}-${s.subjectId}-${s.residentId}`} className="r-card c-survey" data-testid="survey-card">
          <div className="r-card-title">{t('app.rateTitle', { title: s.title })}</div>
          <div className="r-line">{t('app.rateHint', { name: s.residentName })}</div>
          <div className="c-faces">
            {faces.map((f, i) => (
              <button key={f} type="button" className="c-face" aria-label={t(`app.score${i + 1}` as 'app.score1')} onClick={() => void doRate(s, i + 1)} disabled={rate.isPending}>
                <span className="c-face-emoji">{f}</span>
                <span className="c-face-label">{t(`app.score${i + 1}` as 'app.score1')}</span>
              </button>
            ))}
          </div>
        </section>
      ))}
      <h3 className="c-section">{t('app.myCourses')}</h3>
      {d.enrollments.length === 0 ? (
        <Empty text={t('app.noMyCourses')} />
      ) : (
        d.enrollments.map((e) => (
          <section key={e.id} className="r-card c-item" data-testid="my-course">
            <div className="c-item-head">
              <span className="c-item-title">{e.courseName}</span>
              <Tag color={e.status === 'enrolled' ? 'success' : 'warning'} className="c-tag">
                {e.status === 'enrolled' ? t('enrollmentStatus.enrolled') : t('enrollment.waitlistPosition', { position: e.position })}
              </Tag>
            </div>
            <div className="r-line">
              {e.residentName} · {t(`courseKinds.${e.kind}` as 'courseKinds.senior_college')}
            </div>
            {e.nextSessionAt && <div className="r-line">{t('app.nextSession', { at: dayjs(e.nextSessionAt).format('M/D ddd HH:mm'), venue: e.venueName ?? '' })}</div>}
          </section>
        ))
      )}
      <h3 className="c-section">{t('app.mySignups')}</h3>
      {d.signups.length === 0 ? (
        <Empty text={t('app.noMySignups')} />
      ) : (
        d.signups.map((s) => (
          <section key={s.id} className="r-card c-item">
            <div className="c-item-head">
              <span className="c-item-title">{s.title}</span>
              <Tag color={s.checkedIn ? 'success' : 'primary'} className="c-tag">
                {s.checkedIn ? t('event.checkedIn') : t('signupStatus.signed_up')}
              </Tag>
            </div>
            <div className="r-line">
              {s.residentName} · {when(s.startsAt, s.endsAt)}
            </div>
          </section>
        ))
      )}
      <h3 className="c-section">{t('app.myBookings')}</h3>
      {d.bookings.length === 0 ? (
        <Empty text={t('app.noMyBookings')} />
      ) : (
        d.bookings.map((b) => (
          <section key={b.id} className="r-card c-item">
            <div className="c-item-head">
              <span className="c-item-title">
                {b.venueName} · {b.purpose}
              </span>
              <Tag color={bookingColor[b.status] === 'gold' ? 'warning' : bookingColor[b.status] === 'green' ? 'success' : 'default'} className="c-tag">
                {t(`bookingStatus.${b.status}`)}
              </Tag>
            </div>
            <div className="r-line">{when(b.startsAt, b.endsAt)}</div>
            {(b.status === 'pending' || b.status === 'confirmed') && (
              <Button size="small" onClick={() => void doCancelBooking(b.id)}>
                {t('booking.cancel')}
              </Button>
            )}
          </section>
        ))
      )}
      <h3 className="c-section">{t('app.myOrders')}</h3>
      {d.mealOrders.length === 0 ? (
        <Empty text={t('app.noMyOrders')} />
      ) : (
        d.mealOrders.map((o) => (
          <section key={o.id} className="r-card c-item">
            <div className="c-item-head">
              <span className="c-item-title">
                {o.servedOn} {t(`meals.${o.meal}`)}
              </span>
              <Tag className="c-tag">{t(`orderStatus.${o.status}`)}</Tag>
            </div>
            <div className="r-line">
              {o.residentName} · {t(`mealModes.${o.mode}`)} · {yuan(o.amountFen)}
              {o.subsidyFen > 0 ? ` ${t('app.subsidized', { amount: yuan(o.subsidyFen) })}` : ''}
            </div>
          </section>
        ))
      )}
    </CenterPage>
  );
}
