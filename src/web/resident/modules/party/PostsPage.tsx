/** 服务岗位: posts to claim (places left) and my claims — withdraw before the start, see the service done. */
import { Button, Dialog, DotLoading, ErrorBlock, Tabs, Tag, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api';
import { PartyPage } from './components';
import { useMembership, useMyClaims, useOpenPosts, usePartyWrite, type ServicePost } from './data';

const when = (iso: string) => dayjs(iso).format('M/D ddd HH:mm');

export default function PostsPage() {
  const { t } = useTranslation('party');
  const { membership } = useMembership();
  const posts = useOpenPosts(membership?.communityId);
  const claims = useMyClaims(membership?.communityId);
  const claim = usePartyWrite((id: string) => api.post(`/service-posts/${id}/claims`));
  const withdraw = usePartyWrite(({ postId, claimId }: { postId: string; claimId: string }) => api.post(`/service-posts/${postId}/claims/${claimId}/withdraw`));
  const fail = (err: unknown) => Toast.show({ icon: 'fail', content: isApiError(err) ? err.message : String(err) });

  const onClaim = (p: ServicePost) => claim.mutate(p.id, { onSuccess: () => Toast.show({ icon: 'success', content: t('app.claimed') }), onError: fail });
  const onWithdraw = async (postId: string, claimId: string) => {
    if (await Dialog.confirm({ content: t('app.withdrawConfirm'), confirmText: t('app.withdraw'), cancelText: t('app.keep') })) {
      withdraw.mutate({ postId, claimId }, { onSuccess: () => Toast.show({ content: t('app.withdrawn') }), onError: fail });
    }
  };

  const open = (posts.data?.items ?? []).filter((p) => p.status === 'open');
  return (
    <PartyPage title={t('app.posts')} testId="posts">
      <Tabs className="p-tabs">
        <Tabs.Tab title={t('app.toClaim')} key="open">
          {posts.isPending ? <div className="r-center-block"><DotLoading color="primary" /></div> : posts.isError ? <ErrorBlock status="default" description={posts.error.message} /> : open.length === 0 ? (
            <p className="r-line">{t('app.noPosts')}</p>
          ) : (
            open.map((p) => {
              const left = p.capacity - p.claimedCount;
              return (
                <section key={p.id} className="r-card" data-testid={`post-${p.title}`}>
                  <h2 className="r-card-title">{p.title}</h2>
                  <p className="r-line">{when(p.startsAt)} – {dayjs(p.endsAt).format('HH:mm')}</p>
                  {p.description && <p className="r-line p-sub">{p.description}</p>}
                  <p className="r-line">{t('app.placesLeft', { left, capacity: p.capacity })}</p>
                  {p.myClaim ? (
                    <Button block size="large" className="p-big-button" onClick={() => void onWithdraw(p.id, p.myClaim!.id)} data-testid="withdraw">{t('app.claimedWithdraw')}</Button>
                  ) : (
                    <Button block size="large" color="primary" className="p-big-button" disabled={left <= 0} loading={claim.isPending && claim.variables === p.id} onClick={() => onClaim(p)} data-testid="claim">
                      {left <= 0 ? t('app.full') : t('app.claim')}
                    </Button>
                  )}
                </section>
              );
            })
          )}
        </Tabs.Tab>
        <Tabs.Tab title={t('app.myClaims')} key="mine">
          {(claims.data ?? []).length === 0 && <p className="r-line">{t('app.noClaims')}</p>}
          {(claims.data ?? []).map((c) => (
            <div key={c.id} className="r-card p-row" data-testid="my-claim">
              <div>
                <div className="p-row-title">{c.title}</div>
                <div className="p-row-sub">{when(c.startsAt)}</div>
              </div>
              <Tag className="p-tag" color={c.status === 'done' ? 'success' : c.status === 'claimed' ? 'primary' : 'default'}>{t(`claimStatus.${c.status}`)}</Tag>
            </div>
          ))}
        </Tabs.Tab>
      </Tabs>
    </PartyPage>
  );
}
