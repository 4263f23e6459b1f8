/**
 * 志愿服务: what I am as a volunteer — not yet registered (register), under review, or approved
 * with my stars, confirmed hours and the way to the next star — and big buttons for what I do.
 */
import { CalendarOutlined, QrcodeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, ProgressBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Loading, StarRow, VolunteerPage, when } from './common';
import { useMySignups, useMyVolunteer } from './data';

export default function VolunteerHomePage() {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const mine = useMyVolunteer();
  const reg = mine.data?.registrations.find((r) => r.status === 'approved') ?? mine.data?.registrations[0];
  const approved = reg?.status === 'approved';
  const upcoming = useMySignups('upcoming', approved);

  return (
    <VolunteerPage title={t('tiles.volunteers.title')} back="/" testId="volunteer-home">
      {mine.isPending || mine.isError ? (
        <Loading error={mine.error} retryText={t('common.loadFailed')} />
      ) : !reg ? (
        <section className="r-card">
          <h2 className="r-card-title">{t('app.joinTitle')}</h2>
          <p className="r-line">{t('app.joinText')}</p>
          <Button block color="primary" size="large" className="r-big-button" onClick={() => void navigate('/volunteers/register')} data-testid="go-register">
            {t('app.join')}
          </Button>
        </section>
      ) : !approved ? (
        <section className="r-card" data-testid="registration-status">
          <h2 className="r-card-title">{t(`app.status.${reg.status}`)}</h2>
          <p className="r-line">{t(`app.statusText.${reg.status}`, { community: reg.communityName })}</p>
          {reg.reviewNote && <p className="r-line">{t('app.reviewNote', { note: reg.reviewNote })}</p>}
          {reg.status === 'rejected' && (
            <Button block color="primary" fill="outline" size="large" className="r-big-button" onClick={() => void navigate('/volunteers/register')}>
              {t('app.reapply')}
            </Button>
          )}
        </section>
      ) : (
        <>
          <section className="r-card v-hero" data-testid="volunteer-hero">
            <div className="v-hero-top">
              <div>
                <div className="v-hero-name">{reg.name}</div>
                <div className="r-line">{reg.communityName}</div>
              </div>
              <StarRow level={reg.starLevel} label={t('common.starLevel', { level: reg.starLevel })} />
            </div>
            <div className="v-hero-hours" data-testid="my-hours">
              <strong>{reg.confirmedHours}</strong> {t('app.hoursUnit')}
            </div>
            {reg.hoursToNextLevel !== null && (
              <>
                <ProgressBar percent={progress(reg.confirmedHours, reg.starThresholds)} className="v-progress" />
                <p className="r-line">{t('app.toNext', { hours: reg.hoursToNextLevel, level: reg.starLevel + 1 })}</p>
              </>
            )}
          </section>
          <div className="v-actions">
            <Button block color="primary" size="large" className="r-big-button" onClick={() => void navigate('/volunteers/activities')} data-testid="go-activities">
              <CalendarOutlined /> {t('app.browse')}
            </Button>
            <Button block color="primary" fill="outline" size="large" className="r-big-button" onClick={() => void navigate('/volunteers/scan')} data-testid="go-scan">
              <QrcodeOutlined /> {t('app.scan')}
            </Button>
            <Button block fill="outline" size="large" className="r-big-button" onClick={() => void navigate('/volunteers/me')} data-testid="go-mine">
              <SafetyCertificateOutlined /> {t('app.mine')}
            </Button>
          </div>
          <section className="r-card">
            <h2 className="r-card-title">{t('app.upcomingTitle')}</h2>
            {(upcoming.data?.items ?? []).length === 0 ? (
              <p className="r-line">{t('app.noUpcoming')}</p>
            ) : (
              upcoming.data!.items.slice(0, 5).map((s) => (
                <button key={s.id} type="button" className="v-row" onClick={() => void navigate(`/volunteers/activities/${s.activityId}`)}>
                  <span className="v-row-title">{s.activityTitle}</span>
                  <span className="v-row-sub">{when(s.startsAt, s.endsAt)} · {s.status === 'waitlisted' ? t('signupStatus.waitlistedAt', { position: s.position ?? 0 }) : t(`signupStatus.${s.status}`)}</span>
                </button>
              ))
            )}
          </section>
        </>
      )}
    </VolunteerPage>
  );
}

/** Progress between the last reached threshold and the next one. */
function progress(hours: number, thresholds: number[]): number {
  const next = thresholds.find((h) => hours < h);
  if (next === undefined) return 100;
  const prev = [...thresholds].reverse().find((h) => hours >= h) ?? 0;
  return Math.round(((hours - prev) / (next - prev)) * 100);
}
