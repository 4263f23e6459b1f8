/** 心愿墙: wishes that came true in my community — masked names, who helped, the thanks and the photo. */
import { Image } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { CarePage, ListState, LoadMore, useCareT } from './common';
import { useMyCommunityId, useWall } from './data';

export default function WishWallPage() {
  const { t } = useTranslation('care');
  const lt = useCareT();
  const communityId = useMyCommunityId();
  const wall = useWall(communityId);
  const items = wall.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <CarePage title={t('resident.wallTitle')} testId="wish-wall">
      <ListState pending={!!communityId && wall.isPending} error={wall.error} empty={items.length === 0} emptyTitle={t('resident.wallEmpty')}>
        {items.map((w) => (
          <section key={w.id} className="r-card cr-wish" data-testid="wall-item">
            <div className="cr-wish-head">
              <span className="cr-wish-title">{w.title}</span>
            </div>
            <div className="cr-wish-meta">
              {lt(`wishCategories.${w.category}`)} · {w.maskedWisher} · {formatDateTime(w.fulfilledAt)}
            </div>
            <div className="cr-wish-meta">{t('resident.wallDonor', { donor: w.donor })}</div>
            {w.thanks && <p className="r-line">“{w.thanks}”</p>}
            {w.photoId && <Image src={`/api/v1/uploads/${w.photoId}`} className="cr-wall-photo" lazy fit="cover" />}
          </section>
        ))}
      </ListState>
      <LoadMore show={!!wall.hasNextPage} loading={wall.isFetchingNextPage} onClick={() => void wall.fetchNextPage()} />
    </CarePage>
  );
}
