/** 社区活动: upcoming events of my center with their colour theme; sign up or cancel in one tap. */
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { communityToday, themeHex, type CenterEvent } from '../../../admin/modules/center/common';
import { CenterPage, Empty, errorText, Loading, when, WhoPicker } from './common';
import { useCancelSignup, useEvents, useSignUp, useWho } from './data';

export default function EventsPage() {
  const { t } = useTranslation('center');
  const events = useEvents(communityToday());
  const { mine, who, setWho, residents } = useWho();
  const signUp = useSignUp();
  const cancel = useCancelSignup();
  const items = (events.data?.items ?? []).filter((e) => Date.parse(e.endsAt) > Date.now());
  const mySignup = (e: CenterEvent) => mine.data?.signups.find((s) => s.eventId === e.id && s.residentId === who);

  const doSignUp = async (e: CenterEvent) => {
    try {
      await signUp.mutateAsync({ eventId: e.id, residentId: who });
      Toast.show({ icon: 'success', content: t('app.signedUp') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorText(err) });
    }
  };
  const doCancel = async (id: string, e: CenterEvent) => {
    const ok = await Dialog.confirm({ content: t('app.cancelSignupConfirm', { title: e.title }), confirmText: t('app.cancelSignup'), cancelText: t('app.back') });
    if (!ok) return;
    try {
      await cancel.mutateAsync(id);
      Toast.show({ icon: 'success', content: t('app.cancelled') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorText(err) });
    }
  };

  return (
    <CenterPage title={t('tiles.centerEvents.title')} testId="center-events">
      <WhoPicker residents={residents} value={who} onChange={setWho} />
      {events.isPending || events.isError || mine.isPending ? (
        // Until my own enrollments are known, no button may offer the wrong action.
        <Loading error={events.error ?? mine.error} />
      ) : items.length === 0 ? (
        <Empty text={t('app.noEvents')} />
      ) : (
        items.map((e) => {
          const s = mySignup(e);
          const full = e.capacity != null && e.signupCount >= e.capacity;
          return (
            <section key={e.id} className="r-card c-item c-event" style={{ borderLeftColor: themeHex[e.theme] }} data-testid={`event-card-${e.title}`}>
              <div className="c-item-head">
                <span className="c-item-title">{e.title}</span>
                {s && (
                  <Tag color="success" className="c-tag">
                    {s.checkedIn ? t('event.checkedIn') : t('signupStatus.signed_up')}
                  </Tag>
                )}
              </div>
              <div className="r-line">
                <span className="c-theme" style={{ background: themeHex[e.theme] }}>
                  {t(`themes.${e.theme}`)}
                </span>
              </div>
              <div className="r-line">{when(e.startsAt, e.endsAt)}</div>
              <div className="r-line">{e.venueName ?? e.location ?? ''}</div>
              <div className="r-line">{e.capacity ? t('app.fill', { enrolled: e.signupCount, capacity: e.capacity }) : t('app.signedUpCount', { count: e.signupCount })}</div>
              {s ? (
                !s.checkedIn && (
                  <Button block size="large" className="r-big-button" onClick={() => void doCancel(s.id, e)}>
                    {t('app.cancelSignup')}
                  </Button>
                )
              ) : (
                <Button block size="large" color="primary" className="r-big-button" disabled={full} loading={signUp.isPending && signUp.variables?.eventId === e.id} onClick={() => void doSignUp(e)} data-testid="signup-button">
                  {full ? t('app.full') : t('app.signUp')}
                </Button>
              )}
            </section>
          );
        })
      )}
    </CenterPage>
  );
}
