/** 认领心愿: open wishes a donor may claim, and the ones I claimed; tap one for its page. */
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { CarePage, ListState, LoadMore, WishCard } from './common';
import { useWishes } from './data';

export default function WishesPage() {
  const { t } = useTranslation('care');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const mine = params.get('view') === 'mine';
  const list = useWishes(mine ? { mine: true } : { status: 'open' });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <CarePage title={t('resident.openTitle')} testId="wishes-page">
      <div className="cr-segment">
        <Button size="large" color={mine ? 'default' : 'primary'} fill={mine ? 'outline' : 'solid'} onClick={() => setParams({}, { replace: true })} data-testid="wishes-open">
          {t('wishStatuses.open')}
        </Button>
        <Button size="large" color={mine ? 'primary' : 'default'} fill={mine ? 'solid' : 'outline'} onClick={() => setParams({ view: 'mine' }, { replace: true })} data-testid="wishes-mine">
          {t('resident.myClaims')}
        </Button>
      </div>
      <ListState pending={list.isPending} error={list.error} empty={items.length === 0} emptyTitle={mine ? t('resident.noClaims') : t('resident.openEmpty')}>
        <div data-testid="wish-list">
          {items.map((w) => (
            <WishCard key={w.id} wish={w} onOpen={() => void navigate(`/wishes/${w.id}`)} />
          ))}
        </div>
      </ListState>
      <LoadMore show={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} />
      <div className="r-actions">
        <Button block size="large" fill="outline" onClick={() => void navigate('/wishes/wall')}>
          {t('tiles.wishWall.title')}
        </Button>
      </div>
    </CarePage>
  );
}
