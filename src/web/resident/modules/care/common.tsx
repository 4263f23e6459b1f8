/** Pieces the care pages share on the phone: the page frame with its back bar, status tags, the wish card. */
import { Button, DotLoading, ErrorBlock, NavBar, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { yuan, type Wish } from './data';
import './care.css';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** `t` for keys built from server vocabularies (statuses, categories). */
export function useCareT(): LooseT {
  const { t } = useTranslation('care');
  return t as unknown as LooseT;
}

export function CarePage({ title, back = '/', children, testId }: { title: string; back?: string; children: ReactNode; testId?: string }) {
  const navigate = useNavigate();
  return (
    <div className="r-page cr-page" data-testid={testId}>
      <NavBar className="cr-navbar" onBack={() => void navigate(back)}>
        {title}
      </NavBar>
      {children}
    </div>
  );
}

/** Loading, error and empty states of a list in one place. */
export function ListState({ pending, error, empty, emptyTitle, emptyHint, children }: { pending: boolean; error: Error | null; empty: boolean; emptyTitle: string; emptyHint?: string; children: ReactNode }) {
  const { t } = useTranslation('care');
  if (pending) {
    return (
      <div className="r-center-block">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (error) return <ErrorBlock status="default" title={t('common.loadFailed')} description={error.message} />;
  if (empty) return <ErrorBlock status="empty" title={emptyTitle} description={emptyHint ?? null} className="r-empty" />;
  return <>{children}</>;
}

export function LoadMore({ show, loading, onClick }: { show: boolean; loading: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <div className="r-actions">
      <Button block size="large" onClick={onClick} loading={loading}>
        {t('common.loadMore')}
      </Button>
    </div>
  );
}

const wishTone: Record<Wish['status'], string> = {
  pending_review: 'default',
  open: 'primary',
  claimed: 'warning',
  fulfilled: 'success',
  confirmed: 'success',
  rejected: 'danger',
};

export function WishStatusTag({ status }: { status: Wish['status'] }) {
  const t = useCareT();
  return (
    <Tag color={wishTone[status]} fill="outline" className="cr-tag">
      {t(`wishStatuses.${status}`)}
    </Tag>
  );
}

/** One wish as a big tappable card: what, for whom, how much, where it stands. */
export function WishCard({ wish, onOpen }: { wish: Wish; onOpen: () => void }) {
  const t = useCareT();
  return (
    <button type="button" className="r-card cr-wish" onClick={onOpen} data-testid="wish-card" data-status={wish.status}>
      <div className="cr-wish-head">
        <span className="cr-wish-title">{wish.title}</span>
        <WishStatusTag status={wish.status} />
      </div>
      <div className="cr-wish-meta">
        {t(`wishCategories.${wish.category}`)} · {t('common.yuan', { amount: yuan(wish.priceFen) })} · {wish.wisherName}
      </div>
      <div className="cr-wish-meta">
        {wish.communityName} · {formatDateTime(wish.createdAt)}
      </div>
    </button>
  );
}
