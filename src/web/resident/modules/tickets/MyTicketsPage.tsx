/** 我的诉求: what I reported, newest first, with where each stands; tap one for its progress. */
import { Button, DotLoading, ErrorBlock, List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { useMyTickets } from './data';
import { label, statusTone } from './labels';
import './tickets.css';

export default function MyTicketsPage() {
  const { t } = useTranslation('tickets');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const list = useMyTickets();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="r-page tk-page">
      <NavBar className="tk-navbar" onBack={() => void navigate('/')}>
        {t('resident.myTickets')}
      </NavBar>
      {list.isPending ? (
        <div className="r-center-block">
          <DotLoading color="primary" />
        </div>
      ) : list.isError ? (
        <ErrorBlock status="default" title={t('common.load')} description={list.error.message} />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('resident.empty')} description={t('resident.emptyHint')} className="r-empty" />
      ) : (
        <List mode="card" className="r-list" data-testid="my-tickets">
          {items.map((x) => (
            <List.Item
              key={x.id}
              onClick={() => void navigate(`/tickets/${x.id}`)}
              description={
                <>
                  <div className="tk-item-text">{x.description}</div>
                  <div className="r-msg-time">{formatDateTime(x.createdAt)}</div>
                </>
              }
              extra={
                <Tag color={statusTone[x.status]} fill="outline" className="tk-status">
                  {label(t, 'status', x.status)}
                </Tag>
              }
            >
              {label(t, 'category', x.category.key, x.category.name)}
            </List.Item>
          ))}
        </List>
      )}
      {list.hasNextPage && (
        <div className="r-actions">
          <Button block size="large" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {tc('common.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
