/**
 * One wish: what and why, where it stands, and the one step the caller may take now — a donor
 * claims an open wish (one winner; the others are told it is taken), the claimer hands it over
 * with a photo, the wisher confirms receipt with a word of thanks.
 */
import { Button, Dialog, Image, ImageUploader, NoticeBar, Steps, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { can, useMe } from '../../../shared/me';
import { CarePage, ListState, useCareT, WishStatusTag } from './common';
import { uploadPhoto, useWish, useWishAction, yuan, type Wish } from './data';

function Progress({ wish }: { wish: Wish }) {
  const { t } = useTranslation('care');
  const steps: Array<{ title: string; at: string | null; extra?: string | null }> = [
    { title: t('resident.stepPosted'), at: wish.createdAt },
    { title: t('resident.stepClaimed'), at: wish.claimedAt, extra: wish.claimedAt ? [wish.claimedPartnerUnitName, wish.claimedByName].filter(Boolean).join(' · ') : null },
    { title: t('resident.stepFulfilled'), at: wish.fulfilledAt, extra: wish.fulfilmentNote },
    { title: t('resident.stepConfirmed'), at: wish.confirmedAt, extra: wish.thanks },
  ];
  const current = steps.filter((s) => s.at).length - 1;
  return (
    <Steps direction="vertical" current={current} className="cr-steps">
      {steps.map((s, i) => (
        <Steps.Step key={s.title} title={s.title} status={i <= current ? 'finish' : 'wait'} description={s.at ? [formatDateTime(s.at), s.extra].filter(Boolean).join(' · ') : undefined} />
      ))}
    </Steps>
  );
}

function ClaimButton({ wish }: { wish: Wish }) {
  const { t } = useTranslation('care');
  const act = useWishAction(wish.id);
  const claim = async () => {
    const ok = await Dialog.confirm({ content: t('resident.claimConfirm'), confirmText: t('resident.claim'), cancelText: t('common.cancel') });
    if (!ok) return;
    act.mutate(
      { action: 'claim' },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('resident.claimed') }),
        onError: (e) => Toast.show({ content: isApiError(e) ? e.message : t('common.loadFailed'), position: 'center' }),
      },
    );
  };
  return (
    <Button block color="primary" size="large" className="r-big-button" loading={act.isPending} onClick={() => void claim()} data-testid="claim-wish">
      {t('resident.claim')}
    </Button>
  );
}

function FulfilForm({ wish }: { wish: Wish }) {
  const { t } = useTranslation('care');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [note, setNote] = useState('');
  const act = useWishAction(wish.id);
  const submit = () => {
    const photoId = photos[0]?.key;
    if (!photoId) return void Toast.show({ content: t('resident.photoRequired'), position: 'center' });
    act.mutate(
      { action: 'fulfil', body: { photoId: String(photoId), ...(note.trim() ? { note: note.trim() } : {}) } },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('resident.fulfilled') }),
        onError: (e) => Toast.show({ content: isApiError(e) ? e.message : t('common.loadFailed'), position: 'center' }),
      },
    );
  };
  return (
    <section className="r-card" data-testid="fulfil-form">
      <h2 className="r-card-title">{t('resident.fulfil')}</h2>
      <ImageUploader
        value={photos}
        onChange={setPhotos}
        maxCount={1}
        accept="image/jpeg,image/png,image/webp"
        upload={async (file) => {
          try {
            const u = await uploadPhoto(file);
            return { key: u.id, url: URL.createObjectURL(file) };
          } catch (e) {
            Toast.show({ content: isApiError(e) ? e.message : t('resident.photoFailed'), position: 'center' });
            throw e;
          }
        }}
      />
      <div className="cr-field">
        <TextArea className="cr-input" value={note} onChange={setNote} rows={2} maxLength={500} placeholder={t('resident.fulfilNote')} />
      </div>
      <Button block color="primary" size="large" className="r-big-button" loading={act.isPending} onClick={submit}>
        {t('resident.fulfilSubmit')}
      </Button>
    </section>
  );
}

function ConfirmForm({ wish }: { wish: Wish }) {
  const { t } = useTranslation('care');
  const [thanks, setThanks] = useState('');
  const act = useWishAction(wish.id);
  return (
    <section className="r-card" data-testid="confirm-form">
      <TextArea className="cr-input" value={thanks} onChange={setThanks} rows={2} maxLength={500} placeholder={t('resident.thanks')} />
      <div className="r-actions">
        <Button
          block
          color="primary"
          size="large"
          className="r-big-button"
          loading={act.isPending}
          onClick={() =>
            act.mutate(
              { action: 'confirm', body: thanks.trim() ? { thanks: thanks.trim() } : {} },
              {
                onSuccess: () => Toast.show({ icon: 'success', content: t('resident.confirmed') }),
                onError: (e) => Toast.show({ content: isApiError(e) ? e.message : t('common.loadFailed'), position: 'center' }),
              },
            )
          }
        >
          {t('resident.confirm')}
        </Button>
      </div>
    </section>
  );
}

export default function WishPage() {
  const { t } = useTranslation('care');
  const lt = useCareT();
  const { id } = useParams();
  const me = useMe();
  const wish = useWish(id);
  const w = wish.data;
  return (
    <CarePage title={t('resident.wishTitle')} back={w?.isMine ? '/wishes/mine' : '/wishes'} testId="wish-page">
      <ListState pending={wish.isPending} error={wish.error} empty={!w} emptyTitle={t('resident.openEmpty')}>
        {w && (
          <>
            <section className="r-card">
              <div className="cr-wish-head">
                <span className="cr-wish-title" data-testid="wish-title">
                  {w.title}
                </span>
                <WishStatusTag status={w.status} />
              </div>
              <div className="cr-big-number">{t('common.yuan', { amount: yuan(w.priceFen) })}</div>
              <div className="cr-wish-meta">
                {lt(`wishCategories.${w.category}`)} · {w.wisherName} · {w.communityName}
              </div>
              {w.story && <p className="r-line">{w.story}</p>}
            </section>
            {w.status === 'pending_review' && <NoticeBar content={t('resident.pendingReview')} color="info" wrap />}
            {w.status === 'rejected' && <NoticeBar content={`${t('wishStatuses.rejected')}：${w.rejectReason ?? ''}`} color="alert" wrap />}
            {w.status !== 'pending_review' && w.status !== 'rejected' && (
              <section className="r-card">
                <Progress wish={w} />
                {w.fulfilmentPhotoId && <Image src={`/api/v1/uploads/${w.fulfilmentPhotoId}`} className="cr-wall-photo" fit="cover" />}
              </section>
            )}
            {w.status === 'open' && !w.isMine && can(me.data, 'wish.claim') && <ClaimButton wish={w} />}
            {w.status === 'claimed' && w.claimedByMe && <FulfilForm wish={w} />}
            {w.status === 'fulfilled' && w.isMine && <ConfirmForm wish={w} />}
          </>
        )}
      </ListState>
    </CarePage>
  );
}
