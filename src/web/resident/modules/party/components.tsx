/** Pieces of the party pages on the phone: the page frame and the one big check-in button. */
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Button, NavBar, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, isApiError } from '../../../shared/api';
import { usePartyWrite, type MyLecture } from './data';
import './party.css';

export function PartyPage({ title, back = '/party', children, testId }: { title: ReactNode; back?: string; children: ReactNode; testId?: string }) {
  const navigate = useNavigate();
  return (
    <div className="r-page p-page" data-testid={testId}>
      <NavBar className="p-navbar" onBack={() => void navigate(back)} backIcon>
        {title}
      </NavBar>
      {children}
    </div>
  );
}

const hhmm = (iso: string) => dayjs(iso).format('HH:mm');

/** Check in with one tap while the window is open; afterwards it shows when (and whether late). */
export function CheckInButton({ lecture }: { lecture: MyLecture }) {
  const { t } = useTranslation('party');
  const checkIn = usePartyWrite(() => api.post(`/micro-lectures/${lecture.id}/check-ins`, {}));
  const mine = lecture.myCheckIn;
  if (mine) {
    return (
      <div className={`p-checked ${mine.late ? 'p-checked-late' : ''}`} data-testid="checked-in">
        <CheckCircleFilled /> {t(mine.late ? 'app.checkedInLate' : 'app.checkedIn', { time: hhmm(mine.checkedInAt) })}
      </div>
    );
  }
  if (lecture.window !== 'open') {
    return (
      <Button block size="large" disabled className="p-big-button" data-testid="check-in-closed">
        <ClockCircleOutlined /> {lecture.window === 'upcoming' ? t('app.opensAt', { from: hhmm(lecture.checkinOpensAt), to: hhmm(lecture.checkinClosesAt) }) : t('app.windowClosed')}
      </Button>
    );
  }
  const tap = () =>
    checkIn.mutate(undefined, {
      onSuccess: () => Toast.show({ icon: 'success', content: t('app.checkInDone') }),
      onError: (err) => Toast.show({ icon: 'fail', content: isApiError(err) ? err.message : String(err) }),
    });
  return (
    <Button block color="primary" size="large" className="p-big-button p-check-in" loading={checkIn.isPending} onClick={tap} data-testid="check-in">
      {t('app.checkIn')}
    </Button>
  );
}

/** "第144期 · 周四 20:00" */
export function LectureHead({ lecture }: { lecture: MyLecture }) {
  const { t } = useTranslation('party');
  return (
    <>
      <div className="p-issue">{t('app.issue', { no: lecture.issueNo })}</div>
      <h2 className="r-card-title p-lecture-title">{lecture.title}</h2>
      <p className="r-line">
        <ClockCircleOutlined /> {dayjs(lecture.scheduledAt).format('M/D ddd HH:mm')}
        {lecture.lecturerName && ` · ${t('app.lecturer', { name: lecture.lecturerName })}`}
      </p>
    </>
  );
}
