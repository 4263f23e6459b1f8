/** 我的心愿: the wishes I (a needy resident) posted, with where each stands; a big button to post another. */
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CarePage, ListState, LoadMore, WishCard } from './common';
import { useWishes } from './data';

export default function MyWishesPage() {
  const { t } = useTranslation('care');
  const navigate = useNavigate();
  const list = useWishes({ mine: true });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <CarePage title={t('resident.mineTitle')} testId="my-wishes-page">
      <div className="r-actions">
        <Button block color="primary" size="large" className="r-big-button" onClick={() => void navigate('/wishes/new')} data-testid="post-wish">
          {t('resident.postTitle')}
        </Button>
      </div>
      <ListState pending={list.isPending} error={list.error} empty={items.length === 0} emptyTitle={t('resident.mineEmpty')}>
        <div data-testid="wish-list">
          {items.map((w) => (
            <WishCard key={w.id} wish={w} onOpen={() => void navigate(`/wishes/${w.id}`)} />
          ))}
        </div>
      </ListState>
      <LoadMore show={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} />
    </CarePage>
  );
}
