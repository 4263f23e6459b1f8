/**
 * 公示栏: the assistance applications on public notice in my community (masked name, kind, amount,
 * the 7-day period) and, on each, a form to raise an objection while the notice runs.
 */
import { Button, Popup, Result, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { CarePage, ListState, useCareT } from './common';
import { useMyCommunityId, useNoticeBoard, useObjection, yuan, type NoticeBoard } from './data';

type Item = NoticeBoard['items'][number];
const MIN_LENGTH = 5;

function ObjectionForm({ item, onClose }: { item: Item; onClose: () => void }) {
  const { t } = useTranslation('care');
  const lt = useCareT();
  const [content, setContent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const send = useObjection(item.id);
  const submit = () => {
    if (content.trim().length < MIN_LENGTH) return setError(t('resident.objectionTooShort', { min: MIN_LENGTH }));
    setError(null);
    send.mutate(content.trim(), {
      onSuccess: () => setSent(true),
      onError: (e) => (isApiError(e) && e.fieldIssues.length ? setError(e.message) : Toast.show({ content: e.message, position: 'center' })),
    });
  };
  if (sent) {
    return (
      <div className="cr-popup" data-testid="objection-sent">
        <Result status="success" title={t('resident.objectionSent')} description={t('resident.objectionSentHint')} />
        <Button block size="large" color="primary" className="r-big-button" onClick={onClose}>
          {t('common.back')}
        </Button>
      </div>
    );
  }
  return (
    <div className="cr-popup" data-testid="objection-form">
      <h2 className="r-card-title">{t('resident.objectionTitle')}</h2>
      <p className="r-line">
        {item.maskedName} · {lt(`assistanceKinds.${item.kind}`)} · {t('common.yuan', { amount: yuan(item.amountFen) })}
      </p>
      <div className="cr-field">
        <TextArea className="cr-input" value={content} onChange={(v) => (setContent(v), setError(null))} rows={4} maxLength={1000} showCount placeholder={t('resident.objectionPlaceholder')} data-testid="objection-content" />
        {error && <div className="cr-error">{error}</div>}
        <div className="cr-hint">{t('resident.objectionHint')}</div>
      </div>
      <Button block size="large" color="primary" className="r-big-button" loading={send.isPending} onClick={submit} data-testid="objection-submit">
        {t('resident.objectionSubmit')}
      </Button>
      <div className="r-actions">
        <Button block size="large" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

export default function NoticesPage() {
  const { t } = useTranslation('care');
  const lt = useCareT();
  const communityId = useMyCommunityId();
  const board = useNoticeBoard(communityId);
  const [objecting, setObjecting] = useState<Item | null>(null);
  const items = board.data?.items ?? [];
  return (
    <CarePage title={t('notices.title')} testId="notice-board">
      {board.data && <p className="r-line">{board.data.communityName} · {t('resident.noticeHint')}</p>}
      <ListState pending={!!communityId && board.isPending} error={board.error} empty={items.length === 0} emptyTitle={t('notices.empty')}>
        {items.map((n) => (
          <section key={n.id} className="r-card" data-testid="notice-item">
            <div className="cr-notice-item">
              <div className="cr-notice-main">
                <div className="cr-notice-name">{n.maskedName}</div>
                <div className="cr-wish-meta">
                  {lt(`assistanceKinds.${n.kind}`)} · {t('notices.amount')} {t('common.yuan', { amount: yuan(n.amountFen) })}
                </div>
                <div className="cr-wish-meta">
                  {t('notices.period')} {formatDateTime(n.noticeStartsAt).slice(0, 10)} – {formatDateTime(n.noticeEndsAt).slice(0, 10)}
                </div>
              </div>
              {new Date(n.noticeEndsAt).getTime() > Date.now() ? (
                <Button size="large" onClick={() => setObjecting(n)} data-testid="object-button">
                  {t('resident.object')}
                </Button>
              ) : (
                <span className="cr-hint">{t('resident.noticeOver')}</span>
              )}
            </div>
          </section>
        ))}
      </ListState>
      <Popup visible={!!objecting} onMaskClick={() => setObjecting(null)} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '90vh', overflowY: 'auto' }} destroyOnClose>
        {objecting && <ObjectionForm item={objecting} onClose={() => setObjecting(null)} />}
      </Popup>
    </CarePage>
  );
}
