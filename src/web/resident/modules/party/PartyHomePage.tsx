/**
 * 党员之家: for a member, this week's lecture with the big check-in button on top, then points and
 * the way to posts, lectures, report-in and evaluations. For a resident who is not a member yet,
 * the way to report in.
 */
import { FlagOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DotLoading, ErrorBlock, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { CheckInButton, LectureHead, PartyPage } from './components';
import { useMyParty } from './data';

export default function PartyHomePage() {
  const { t } = useTranslation('party');
  const navigate = useNavigate();
  const me = useMyParty();
  const m = me.data?.memberships[0];

  return (
    <PartyPage title={t('tiles.party.title')} back="/" testId="party-home">
      {me.isPending ? (
        <div className="r-center-block"><DotLoading color="primary" /></div>
      ) : me.isError ? (
        <ErrorBlock status="default" title={t('common.loadFailed')} description={me.error.message} />
      ) : !m ? (
        <section className="r-card" data-testid="not-member">
          <h2 className="r-card-title"><FlagOutlined /> {t('app.notMember')}</h2>
          <p className="r-line">{t('app.notMemberHint')}</p>
          <Button block color="primary" size="large" className="p-big-button" onClick={() => void navigate('/party/report-in')} data-testid="go-report-in">
            {t('app.reportIn')}
          </Button>
        </section>
      ) : (
        <>
          <section className="r-card p-member-card" data-testid="member-card">
            <div className="p-member-name">{m.member.name}</div>
            <div className="r-line">{m.communityName} · {m.member.orgName}</div>
            <div className="p-figures">
              <Link to="/party/points" className="p-figure" data-testid="my-points"><strong>{m.points}</strong><span>{t('app.points')}</span></Link>
              <div className="p-figure"><strong>{m.rankInGroup ?? '—'}</strong><span>{t('app.rank', { size: m.groupSize })}</span></div>
              <Link to="/party/posts" className="p-figure"><strong>{m.openClaims}</strong><span>{t('app.openClaims')}</span></Link>
            </div>
          </section>
          {m.nextLecture ? (
            <section className="r-card" data-testid="next-lecture">
              <LectureHead lecture={m.nextLecture} />
              <CheckInButton lecture={m.nextLecture} />
            </section>
          ) : (
            <section className="r-card"><p className="r-line">{t('app.noLecture')}</p></section>
          )}
          <List className="p-links">
            <List.Item onClick={() => void navigate('/party/lectures')} arrowIcon={<RightOutlined />} data-testid="link-lectures">{t('app.myLectures')}</List.Item>
            <List.Item onClick={() => void navigate('/party/posts')} arrowIcon={<RightOutlined />} data-testid="link-posts">{t('app.posts')}</List.Item>
            <List.Item onClick={() => void navigate('/party/points')} arrowIcon={<RightOutlined />}>{t('app.myPoints')}</List.Item>
            <List.Item onClick={() => void navigate('/party/evaluations')} arrowIcon={<RightOutlined />} extra={m.openEvaluations ? t('app.openEvaluations', { count: m.openEvaluations }) : undefined}>{t('app.evaluations')}</List.Item>
            <List.Item onClick={() => void navigate('/party/report-in')} arrowIcon={<RightOutlined />}>{t('app.reportInInfo')}</List.Item>
          </List>
        </>
      )}
    </PartyPage>
  );
}
