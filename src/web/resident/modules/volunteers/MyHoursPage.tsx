/**
 * 我的时长与证书: confirmed hours, the star ladder (thresholds set by the deployment), the
 * certificate to print with its verification code, and the activities served.
 */
import { FilePdfOutlined } from '@ant-design/icons';
import { Button, NoticeBar, Steps } from 'antd-mobile';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { Loading, StarRow, VolunteerPage, when } from './common';
import { useCertificates, useIssueCertificate, useMySignups, useMyVolunteer } from './data';

export default function MyHoursPage() {
  const { t } = useTranslation('volunteers');
  const mine = useMyVolunteer();
  const reg = mine.data?.registrations.find((r) => r.status === 'approved');
  const certs = useCertificates(reg?.id);
  const issue = useIssueCertificate();
  const past = useMySignups('past', !!reg);
  const served = (past.data?.items ?? []).filter((s) => s.hoursStatus !== 'none' || s.status === 'signed_up');

  return (
    <VolunteerPage title={t('app.mine')} testId="volunteer-mine">
      {!reg ? (
        <Loading error={mine.error} retryText={t('common.loadFailed')} />
      ) : (
        <>
          <section className="r-card v-hero">
            <div className="v-hero-top">
              <div className="v-hero-hours" data-testid="mine-hours">
                <strong>{reg.confirmedHours}</strong> {t('app.hoursUnit')}
              </div>
              <StarRow level={reg.starLevel} label={t('common.starLevel', { level: reg.starLevel })} />
            </div>
            <p className="r-line">{t('app.activityCount', { count: reg.activityCount })}</p>
            <Steps direction="vertical" current={reg.starLevel - 1} className="v-ladder">
              {reg.starThresholds.map((h, i) => (
                <Steps.Step key={h} title={t('common.starLevel', { level: i + 1 })} description={t('app.threshold', { hours: h })} status={reg.confirmedHours >= h ? 'finish' : 'wait'} />
              ))}
            </Steps>
          </section>

          <section className="r-card" data-testid="my-certificates">
            <h2 className="r-card-title">{t('certificates.title')}</h2>
            <p className="r-line">{t('app.certificateHint')}</p>
            {issue.isError && <NoticeBar color="alert" wrap content={isApiError(issue.error) ? issue.error.message : String(issue.error)} />}
            {(certs.data ?? []).map((c) => (
              <div key={c.id} className="v-cert" data-testid="certificate">
                <div>
                  <div className="v-cert-code">{c.code}</div>
                  <div className="r-line">{t('certificates.summary', { hours: c.hours, count: c.activityCount, date: dayjs(c.issuedAt).format('YYYY-MM-DD') })}</div>
                </div>
                <a className="v-cert-link" href={`/api/v1/volunteers/${reg.id}/certificates/${c.id}/pdf`} target="_blank" rel="noreferrer">
                  <FilePdfOutlined /> {t('certificates.pdf')}
                </a>
              </div>
            ))}
            <Button block color="primary" fill={certs.data?.length ? 'outline' : 'solid'} size="large" className="r-big-button" disabled={reg.confirmedHours <= 0} loading={issue.isPending} onClick={() => issue.mutate(reg.id)} data-testid="issue-certificate">
              {certs.data?.length ? t('app.newCertificate') : t('certificates.issue')}
            </Button>
          </section>

          <section className="r-card">
            <h2 className="r-card-title">{t('app.historyTitle')}</h2>
            {served.length === 0 ? (
              <p className="r-line">{t('app.noHistory')}</p>
            ) : (
              served.map((s) => (
                <div key={s.id} className="v-row v-row-static">
                  <span className="v-row-title">{s.activityTitle}</span>
                  <span className="v-row-sub">
                    {when(s.startsAt, s.endsAt)} · {s.hoursStatus === 'confirmed' ? t('app.confirmedHours', { hours: s.confirmedHours ?? 0 }) : s.hoursStatus === 'recorded' ? t('app.awaitingHours', { hours: s.recordedHours ?? 0 }) : t(`signupStatus.${s.status}`)}
                  </span>
                </div>
              ))
            )}
          </section>
        </>
      )}
    </VolunteerPage>
  );
}
