/** 消息: the caller's inbox — all or unread, mark one or all read, open the linked record. */
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, List, Result, Segmented, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime, fromNow } from '../../../shared/format';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../../../shared/notifications';
import type { NotificationView } from '../../../shared/types';
import { PageContainer } from '../../components/PageContainer';

export default function InboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const open = (n: NotificationView) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link?.startsWith('/')) void navigate(n.link);
  };

  return (
    <PageContainer
      title={t('nav.inbox')}
      description={t('inbox.description')}
      extra={
        <Button
          icon={<CheckOutlined />}
          disabled={!unread.data}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined, { onSuccess: (r) => message.success(t('inbox.allRead', { count: r.updated })) })}
        >
          {t('inbox.markAllRead')}
        </Button>
      }
    >
      <Card
        variant="borderless"
        title={
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setUnreadOnly(v === 'unread')}
            options={[
              { value: 'all', label: t('inbox.all') },
              { value: 'unread', label: t('inbox.unreadWithCount', { count: unread.data ?? 0 }) },
            ]}
          />
        }
      >
        {list.isError ? (
          <Result status="error" title={t('errors.loadFailed')} subTitle={list.error.message} />
        ) : (
          <List<NotificationView>
            loading={list.isPending}
            dataSource={items}
            data-testid="inbox-list"
            locale={{ emptyText: <Empty image={<BellOutlined className="empty-icon" />} description={unreadOnly ? t('inbox.emptyUnread') : t('inbox.empty')} /> }}
            loadMore={
              list.hasNextPage && (
                <div className="load-more">
                  <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    {t('common.loadMore')}
                  </Button>
                </div>
              )
            }
            renderItem={(n) => (
              <List.Item
                className={n.readAt ? 'inbox-item' : 'inbox-item unread'}
                actions={
                  n.readAt
                    ? []
                    : [
                        <Button key="read" type="link" size="small" onClick={() => markRead.mutate(n.id)}>
                          {t('inbox.markRead')}
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  avatar={<Badge dot={!n.readAt} offset={[-2, 4]}><BellOutlined className="inbox-icon" /></Badge>}
                  title={
                    <Space>
                      <Typography.Link onClick={() => open(n)} strong={!n.readAt}>
                        {n.title}
                      </Typography.Link>
                    </Space>
                  }
                  description={
                    <>
                      {n.body && <Typography.Paragraph className="inbox-body">{n.body}</Typography.Paragraph>}
                      <Tooltip title={formatDateTime(n.createdAt)}>
                        <Typography.Text type="secondary" className="small">
                          {fromNow(n.createdAt)}
                        </Typography.Text>
                      </Tooltip>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </PageContainer>
  );
}
