/** 我的微党课: the coming lecture with its big check-in button, then the recent ones — attended, late or missed. */
import { DotLoading, ErrorBlock, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CheckInButton, LectureHead, PartyPage } from './components';
import { useMembership, useMyLectures } from './data';

export default function MyLecturesPage() {
  const { t } = useTranslation('party');
  const { membership } = useMembership();
  const lectures = useMyLectures(membership?.communityId);
  const coming = (lectures.data ?? []).filter((l) => l.window !== 'closed');
  const past = (lectures.data ?? []).filter((l) => l.window === 'closed');

  return (
    <PartyPage title={t('app.myLectures')} testId="my-lectures">
      {lectures.isPending ? (
        <div className="r-center-block"><DotLoading color="primary" /></div>
      ) : lectures.isError ? (
        <ErrorBlock status="default" title={t('common.loadFailed')} description={lectures.error.message} />
      ) : (
        <>
          {coming.map((l) => (
            <section key={l.id} className="r-card" data-testid={`lecture-${l.issueNo}`}>
              <LectureHead lecture={l} />
              {l.materials.map((m) => (
                <p key={m.title} className="r-line p-material">{m.kind === 'text' ? `${m.title}: ${m.content}` : <a href={m.content} target="_blank" rel="noreferrer">{m.title}</a>}</p>
              ))}
              <CheckInButton lecture={l} />
            </section>
          ))}
          <section className="r-card">
            <h2 className="r-card-title">{t('app.recent')}</h2>
            {past.map((l) => (
              <div key={l.id} className="p-row">
                <div>
                  <div className="p-row-title">{t('app.issue', { no: l.issueNo })} {l.title}</div>
                  <div className="p-row-sub">{dayjs(l.scheduledAt).format('YYYY-MM-DD')}</div>
                </div>
                {l.myCheckIn ? (
                  <Tag color={l.myCheckIn.late ? 'warning' : 'success'} className="p-tag">{t(l.myCheckIn.late ? 'app.late' : 'app.attended')}</Tag>
                ) : (
                  <Tag color="default" className="p-tag">{t('app.missed')}</Tag>
                )}
              </div>
            ))}
          </section>
        </>
      )}
    </PartyPage>
  );
}
