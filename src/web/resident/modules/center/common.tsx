/** Pieces the center pages of the resident app share: the page frame, loading, who acts, times. */
import { DotLoading, ErrorBlock, NavBar, Selector } from 'antd-mobile';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import type { MyCenter } from '../../../admin/modules/center/common';
import './center.css';

export function CenterPage({ title, back = '/', children, testId }: { title: string; back?: string; children: ReactNode; testId?: string }) {
  const navigate = useNavigate();
  return (
    <div className="r-page c-page" data-testid={testId}>
      <NavBar className="c-navbar" onBack={() => void navigate(back)} backIcon>
        {title}
      </NavBar>
      {children}
    </div>
  );
}

export function Loading({ error }: { error?: Error | null }) {
  const { t } = useTranslation('center');
  if (error) return <ErrorBlock status="default" title={t('app.loadFailed')} description={error.message} />;
  return (
    <div className="r-center-block">
      <DotLoading color="primary" />
    </div>
  );
}

export function Empty({ text }: { text: string }) {
  return (
    <section className="r-card">
      <p className="r-line">{text}</p>
    </section>
  );
}

/** For whom (the caller or a household member, e.g. a child for the 4:30 school). */
export function WhoPicker({ residents, value, onChange }: { residents: MyCenter['residents']; value: string | undefined; onChange: (id: string) => void }) {
  const { t } = useTranslation('center');
  if (residents.length <= 1) return null;
  return (
    <section className="r-card">
      <div className="r-card-title">{t('app.forWhom')}</div>
      <Selector
        className="r-selector"
        columns={3}
        value={value ? [value] : []}
        onChange={(v) => v[0] && onChange(v[0])}
        options={residents.map((r) => ({ value: r.id, label: r.self ? t('app.me', { name: r.name }) : r.name }))}
        data-testid="who-picker"
      />
    </section>
  );
}

export const errorText = (err: unknown): string => (isApiError(err) ? err.message : String(err));
/** "11/30 周一 09:00–10:30" in the UI language. */
export const when = (startsAt: string, endsAt: string): string => `${dayjs(startsAt).format('M/D ddd HH:mm')}–${dayjs(endsAt).format('HH:mm')}`;
