/** 消息: large, readable messages; tapping one marks it read; one button marks all. */
import { Button, DotLoading, ErrorBlock, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../../../shared/notifications';

export function InboxPage() {
  const { t } = useTranslation();
  const list = useNotifications(false);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="r-page">
      <div className="r-page-head">
        <h1 className="r-page-title">{t('resident.tabs.inbox')}</h1>
        {!!unread.data && (
          <Button size="middle" fill="none" color="primary" loading={markAll.isPending} onClick={() => markAll.mutate()}>
            {t('inbox.markAllRead')}
          </Button>
        )}
      </div>
      {list.isPending ? (
        <div className="r-center-block">
          <DotLoading color="primary" />
        </div>
      ) : list.isError ? (
        <ErrorBlock status="default" title={t('errors.loadFailed')} description={list.error.message} />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('inbox.empty')} description={t('resident.inbox.emptyHint')} className="r-empty" />
      ) : (
        <List mode="card" className="r-list" data-testid="resident-inbox">
          {items.map((n) => (
            <List.Item
              key={n.id}
              className={n.readAt ? 'r-msg' : 'r-msg r-msg-unread'}
              description={
                <>
                  {n.body && <div className="r-msg-body">{n.body}</div>}
                  <div className="r-msg-time">{formatDateTime(n.createdAt)}</div>
                </>
              }
              onClick={() => !n.readAt && markRead.mutate(n.id)}
              arrow={false}
            >
              {!n.readAt && <span className="r-dot" aria-label={t('inbox.unread')} />}
              {n.title}
            </List.Item>
          ))}
        </List>
      )}
      {list.hasNextPage && (
        <div className="r-actions">
          <Button block size="large" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
