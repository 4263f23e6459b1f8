/** Pieces the volunteer pages of the resident app share: the page frame, stars, times. */
import { DotLoading, ErrorBlock, NavBar } from 'antd-mobile';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import './volunteers.css';

export function VolunteerPage({ title, back = '/volunteers', children, testId }: { title: string; back?: string; children: ReactNode; testId?: string }) {
  const navigate = useNavigate();
  return (
    <div className="r-page v-page" data-testid={testId}>
      <NavBar className="v-navbar" onBack={() => void navigate(back)} backIcon>
        {title}
      </NavBar>
      {children}
    </div>
  );
}

export function Loading({ error, retryText }: { error?: Error | null; retryText?: string }) {
  if (error) return <ErrorBlock status="default" title={retryText} description={error.message} />;
  return (
    <div className="r-center-block">
      <DotLoading color="primary" />
    </div>
  );
}

export function StarRow({ level, label }: { level: number; label: string }) {
  return (
    <span className="v-stars" aria-label={label} title={label}>
      {level > 0 ? '★'.repeat(level) : '☆'}
    </span>
  );
}

/** "5月3日 周六 09:00–11:00" in the UI language. */
export const when = (startsAt: string, endsAt: string): string => `${dayjs(startsAt).format('M/D ddd HH:mm')}–${dayjs(endsAt).format('HH:mm')}`;

export const isRunning = (a: { startsAt: string; endsAt: string }): boolean => Date.now() >= Date.parse(a.startsAt) - 60 * 60_000 && Date.now() <= Date.parse(a.endsAt);
