/**
 * One activity: when, where, what it asks for, how full it is; sign up (or join the waitlist),
 * cancel before the cutoff, and — while it runs — check in and out by scanning or typing the code.
 */
import { Button, Dialog, NoticeBar, Selector, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import type { SignupResult } from '../../../admin/modules/volunteers/common';
import { isRunning, Loading, VolunteerPage, when } from './common';
import { CodeEntry } from './CodeEntry';
import { useActivity, useCancelSignup, useMyVolunteer, useSignUp } from './data';

export default function ActivityPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const activity = useActivity(id);
  const me = useMyVolunteer();
  const signUp = useSignUp();
  const cancel = useCancelSignup();
  const [slot, setSlot] = useState<string[]>([]);
  const [result, setResult] = useState<SignupResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const a = activity.data;
  const volunteer = me.data?.registrations.some((r) => r.status === 'approved' && r.communityId === a?.communityId);
  const mine = a?.mySignup;
  const failure = signUp.error ?? cancel.error;

  const doSignUp = () => {
    if (!a) return;
    setResult(null);
    signUp.mutate({ activityId: a.id, slotId: a.slots.length > 1 ? slot[0] : undefined }, { onSuccess: setResult });
  };

  return (
    <VolunteerPage title={t('app.activityTitle')} back="/volunteers/activities" testId="volunteer-activity">
      {!a ? (
        <Loading error={activity.error} retryText={t('common.loadFailed')} />
      ) : (
        <>
          <section className="r-card">
            <h2 className="r-card-title" data-testid="activity-title">{a.title}</h2>
            <p className="r-line">{when(a.startsAt, a.endsAt)}</p>
            <p className="r-line">{a.place}</p>
            <p className="r-line">
              <Tag color="primary" fill="outline">{t(`categories.${a.category}`)}</Tag> {a.teamName ?? a.communityName}
            </p>
            {a.description && <p className="r-line">{a.description}</p>}
            {a.requiredSkills.length > 0 && <p className="r-line">{t('app.requires', { skills: a.requiredSkills.map((s) => t(`skills.${s}` as 'skills.first_aid')).join(t('common.separator')) })}</p>}
            {(a.minAge !== null || a.maxAge !== null) && <p className="r-line">{t('app.ages', { min: a.minAge ?? 0, max: a.maxAge ?? 120 })}</p>}
            <p className="r-line" data-testid="activity-fill">{t('app.fill', { signedUp: a.signedUp, capacity: a.capacity })}{a.waitlisted ? ` · ${t('activities.waitlisted', { count: a.waitlisted })}` : ''}</p>
            <p className="r-line v-hint">{t('app.cutoff', { minutes: a.cancelCutoffMinutes })}</p>
          </section>

          {failure && <NoticeBar color="alert" wrap content={isApiError(failure) ? failure.message : String(failure)} data-testid="activity-error" />}
          {result && (
            <NoticeBar
              color={result.status === 'signed_up' ? 'info' : 'alert'}
              wrap
              data-testid="signup-result"
              content={[result.status === 'signed_up' ? t('app.signedUp') : t('app.waitlisted', { position: result.position ?? 0 }), ...result.warnings.map((w) => t('app.overlapWarning', { title: w.title }))].join(' ')}
            />
          )}

          {mine ? (
            <section className="r-card" data-testid="my-signup">
              <h2 className="r-card-title">{mine.status === 'waitlisted' ? t('signupStatus.waitlistedAt', { position: mine.position ?? 0 }) : t('signupStatus.signed_up')}</h2>
              {mine.checkedInAt && <p className="r-line">{t('app.checkedInAt', { time: new Date(mine.checkedInAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) })}</p>}
              {mine.checkedOutAt && <p className="r-line">{t('app.checkedOutAt', { time: new Date(mine.checkedOutAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }), hours: mine.recordedHours ?? 0 })}</p>}
              {mine.status === 'signed_up' && isRunning(a) && !mine.checkedOutAt && <CodeEntry activityId={a.id} purpose={mine.checkedInAt ? 'check_out' : 'check_in'} />}
              {!mine.checkedInAt && (
                <Button block fill="outline" size="large" className="r-big-button" loading={cancel.isPending} onClick={() => setConfirming(true)} data-testid="cancel-signup">
                  {t('app.cancelSignup')}
                </Button>
              )}
            </section>
          ) : volunteer && a.status === 'published' && Date.parse(a.startsAt) > Date.now() ? (
            <section className="r-card">
              {a.slots.length > 1 && <Selector className="r-selector" columns={1} value={slot} onChange={setSlot} options={a.slots.map((s) => ({ value: s.id, label: `${s.role} · ${s.signedUp}/${s.capacity}` }))} />}
              <Button block color="primary" size="large" className="r-big-button" loading={signUp.isPending} disabled={a.slots.length > 1 && !slot.length} onClick={doSignUp} data-testid="sign-up">
                {a.signedUp >= a.capacity ? t('app.joinWaitlist') : t('app.signUp')}
              </Button>
            </section>
          ) : !volunteer ? (
            <section className="r-card">
              <p className="r-line">{t('app.onlyVolunteers')}</p>
              <Button block color="primary" fill="outline" size="large" className="r-big-button" onClick={() => void navigate('/volunteers')}>
                {t('app.join')}
              </Button>
            </section>
          ) : null}

          <Dialog
            visible={confirming}
            content={t('app.cancelConfirm', { title: a.title })}
            closeOnMaskClick
            onClose={() => setConfirming(false)}
            actions={[
              [
                { key: 'keep', text: t('app.keep'), onClick: () => setConfirming(false) },
                {
                  key: 'cancel',
                  text: t('app.cancelSignup'),
                  bold: true,
                  danger: true,
                  onClick: () => {
                    setConfirming(false);
                    if (mine) cancel.mutate(mine.id, { onSuccess: () => setResult(null) });
                  },
                },
              ],
            ]}
          />
        </>
      )}
    </VolunteerPage>
  );
}
