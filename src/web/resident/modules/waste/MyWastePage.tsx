/**
 * 我家垃圾分类: where my household takes its waste and when, how the last two weeks were sorted,
 * what correct sorting earned each month, the four bins, and volunteering as a supervisor.
 */
import { CheckOutlined, ClockCircleOutlined, CloseOutlined, EnvironmentOutlined, MinusOutlined } from '@ant-design/icons';
import { Button, Dialog, DotLoading, ErrorBlock, NavBar, NoticeBar } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { binKinds } from '../../../admin/modules/waste/kinds';
import { useApply, useMySupervision, useMyWaste, type MySupervision } from './data';
import './waste.css';

const STRIP_DAYS = 14;
const communityToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The last `n` days ending today, oldest first, as YYYY-MM-DD. */
function lastDays(n: number): string[] {
  const end = Date.parse(`${communityToday()}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(end - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

export default function MyWastePage() {
  const { t } = useTranslation('waste');
  const navigate = useNavigate();
  const mine = useMyWaste();

  return (
    <div className="r-page w-page">
      <NavBar className="w-navbar" onBack={() => void navigate('/')} backIcon>
        {t('tiles.myWaste.title')}
      </NavBar>
      {mine.isPending ? (
        <div className="r-center-block">
          <DotLoading color="primary" />
        </div>
      ) : mine.isError ? (
        <ErrorBlock status="default" title={t('common.loadFailed')} description={mine.error.message} />
      ) : !mine.data.householdId ? (
        <section className="r-card" data-testid="waste-no-household">
          <h2 className="r-card-title">{t('mine.noHousehold')}</h2>
          <p className="r-line">{t('mine.noHouseholdHint')}</p>
        </section>
      ) : (
        <>
          <section className="r-card" data-testid="waste-my-point">
            <h2 className="r-card-title">{mine.data.dropPoint?.name ?? t('mine.noPoint')}</h2>
            {mine.data.dropPoint?.location && (
              <p className="r-line">
                <EnvironmentOutlined /> {mine.data.dropPoint.location}
              </p>
            )}
            {mine.data.dropPoint?.hours && (
              <p className="r-line">
                <ClockCircleOutlined /> {t('mine.hours', { hours: mine.data.dropPoint.hours })}
              </p>
            )}
          </section>
          <RecentStrip recent={mine.data.recent} />
          <Rewards rewards={mine.data.rewards} />
        </>
      )}
      <Guide />
      <SupervisorCard />
    </div>
  );
}

function RecentStrip({ recent }: { recent: { day: string; result: 'correct' | 'incorrect' }[] }) {
  const { t } = useTranslation('waste');
  const byDay = new Map(recent.map((r) => [r.day, r.result]));
  const days = lastDays(STRIP_DAYS);
  const correct = recent.filter((r) => r.result === 'correct').length;
  return (
    <section className="r-card">
      <h2 className="r-card-title">{t('mine.recentTitle')}</h2>
      <div className="w-strip" data-testid="waste-strip">
        {days.map((day) => {
          const result = byDay.get(day);
          const label = result ? t(`results.${result}`) : t('mine.noRecord');
          return (
            <div key={day} className={`w-day w-day-${result ?? 'none'}`} aria-label={`${day} ${label}`} title={`${day} ${label}`}>
              <span className="w-day-date">{Number(day.slice(8))}</span>
              <span className="w-day-mark">{result === 'correct' ? <CheckOutlined /> : result === 'incorrect' ? <CloseOutlined /> : <MinusOutlined />}</span>
            </div>
          );
        })}
      </div>
      <p className="r-line" data-testid="waste-recent-summary">
        {t('mine.recentSummary', { correct, incorrect: recent.length - correct })}
      </p>
    </section>
  );
}

function Rewards({ rewards }: { rewards: { month: string; days: number; amountFen: number }[] }) {
  const { t } = useTranslation('waste');
  const total = rewards.reduce((n, r) => n + r.amountFen, 0);
  return (
    <section className="r-card" data-testid="waste-rewards">
      <h2 className="r-card-title">{t('mine.rewardsTitle')}</h2>
      {rewards.length === 0 ? (
        <p className="r-line">{t('mine.noRewards')}</p>
      ) : (
        <>
          {rewards.map((r) => (
            <div key={r.month} className="w-reward">
              <span>{t('mine.month', { year: r.month.slice(0, 4), month: Number(r.month.slice(5)) })}</span>
              <span className="w-reward-days">{t('mine.days', { count: r.days })}</span>
              <strong className="w-reward-amount">¥{yuan(r.amountFen)}</strong>
            </div>
          ))}
          <p className="r-line w-reward-total">{t('mine.rewardsTotal', { amount: yuan(total) })}</p>
        </>
      )}
      <p className="r-line w-hint">{t('mine.rewardRule')}</p>
    </section>
  );
}

function Guide() {
  const { t } = useTranslation('waste');
  return (
    <section className="r-card">
      <h2 className="r-card-title">{t('mine.guideTitle')}</h2>
      <div className="w-guide">
        {binKinds.map((kind) => (
          <div key={kind} className={`w-guide-item w-kind-${kind}`}>
            <span className="w-guide-kind">{t(`kinds.${kind}`)}</span>
            <span className="w-guide-examples">{t(`guide.${kind}`)}</span>
          </div>
        ))}
      </div>
    </section>
  );
}

/**
 * Supervising: the point I am on duty at, a pending application, or where I may apply. Dialogs are
 * declarative (antd-mobile's imperative Dialog/Toast need a React 19 render hook the app lacks).
 */
function SupervisorCard() {
  const { t } = useTranslation('waste');
  const navigate = useNavigate();
  const supervision = useMySupervision();
  const apply = useApply();
  const [confirming, setConfirming] = useState<{ communityId: string; name: string } | null>(null);
  const data: MySupervision | undefined = supervision.data;
  if (!data || (data.duties.length === 0 && data.canApplyAt.length === 0)) return null;

  const onConfirm = () => {
    if (confirming) apply.mutate(confirming.communityId);
    setConfirming(null);
  };

  return (
    <section className="r-card" data-testid="waste-supervisor-card">
      <h2 className="r-card-title">{t('mine.supervisorTitle')}</h2>
      {apply.isError && <NoticeBar color="alert" wrap content={isApiError(apply.error) ? apply.error.message : String(apply.error)} />}
      {data.duties.map((d) => (
        <div key={d.id} className="w-duty">
          {d.status === 'selected' && d.dropPoint ? (
            <>
              <p className="r-line">{t('mine.onDuty', { point: d.dropPoint.name })}</p>
              <Button block color="primary" size="large" className="r-big-button" onClick={() => void navigate('/waste/supervise')}>
                {t('mine.goRecord')}
              </Button>
            </>
          ) : (
            <p className="r-line">{t(d.status === 'retired' ? 'mine.retired' : 'mine.pending', { community: d.communityName })}</p>
          )}
        </div>
      ))}
      {data.canApplyAt.map((c) => (
        <div key={c.communityId}>
          <p className="r-line">{t('mine.applyHint', { community: c.name })}</p>
          <Button block color="primary" fill="outline" size="large" className="r-big-button" loading={apply.isPending} onClick={() => setConfirming(c)} data-testid="waste-apply">
            {t('mine.apply')}
          </Button>
        </div>
      ))}
      <Dialog
        visible={!!confirming}
        content={confirming ? t('mine.applyConfirm', { community: confirming.name }) : ''}
        closeOnMaskClick
        onClose={() => setConfirming(null)}
        actions={[
          [
            { key: 'cancel', text: t('common.cancel'), onClick: () => setConfirming(null) },
            { key: 'apply', text: t('mine.apply'), bold: true, onClick: onConfirm },
          ],
        ]}
      />
    </section>
  );
}
