/** 待走访: the worker's residents due or overdue for a visit (as backup too, while the primary is on leave). */
import { Button, DotLoading, ErrorBlock, List, NavBar, PullToRefresh, Tag, Tabs } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useDue, type DueVisit } from './data';
import './places.css';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

function DueItem({ item }: { item: DueVisit }) {
  const { t } = useTranslation('places');
  const lt = t as unknown as LooseT;
  const navigate = useNavigate();
  const open = () => {
    const q = new URLSearchParams({ household: item.householdId, resident: item.residentId, name: item.name, address: item.address });
    void navigate(`/visits/new?${q.toString()}`);
  };
  return (
    <List.Item
      onClick={open}
      arrowIcon
      description={
        <>
          <div className="pv-address">{item.address}</div>
          <div className="pv-tags">
            {item.tags.map((tag) => (
              <Tag key={tag} color="warning" fill="outline">
                {lt(`tags.${tag}`, { defaultValue: tag })}
              </Tag>
            ))}
            {item.standIn && <Tag color="primary" fill="outline">{lt('mobile.standIn')}</Tag>}
          </div>
        </>
      }
      extra={item.overdueDays > 0 ? <span className="pv-overdue">{lt('mobile.overdue', { count: item.overdueDays })}</span> : <span className="pv-due">{lt('mobile.dueOn', { date: item.dueOn.slice(5) })}</span>}
      data-testid="due-item"
    >
      <span className="pv-name">{item.name}</span>
      {item.age !== null && <span className="pv-age">{lt('mobile.age', { count: item.age })}</span>}
    </List.Item>
  );
}

export default function DueVisitsPage() {
  const { t } = useTranslation('places');
  const lt = t as unknown as LooseT;
  const navigate = useNavigate();
  const [days, setDays] = useState(0);
  const due = useDue(days);
  const items = due.data ?? [];
  return (
    <div className="r-page pv-page">
      <NavBar className="pv-navbar" onBack={() => void navigate('/')}>
        {lt('mobile.title')}
      </NavBar>
      <Tabs activeKey={String(days)} onChange={(k) => setDays(Number(k))} className="pv-tabs">
        <Tabs.Tab key="0" title={lt('mobile.dueNow')} />
        <Tabs.Tab key="7" title={lt('mobile.thisWeek')} />
      </Tabs>
      <PullToRefresh onRefresh={async () => void (await due.refetch())}>
        {due.isPending ? (
          <div className="r-center-block">
            <DotLoading color="primary" />
          </div>
        ) : due.isError ? (
          <ErrorBlock status="default" title={lt('common.loadFailed')} description={due.error.message}>
            <Button onClick={() => void due.refetch()}>{lt('mobile.retry')}</Button>
          </ErrorBlock>
        ) : items.length === 0 ? (
          <ErrorBlock status="empty" title={lt('mobile.empty')} description={lt('mobile.emptyHint')} className="r-empty" />
        ) : (
          <>
            <p className="pv-count" data-testid="due-count">{lt('mobile.count', { count: items.length })}</p>
            <List mode="card" className="r-list" data-testid="due-list">
              {items.map((x) => (
                <DueItem key={x.residentId} item={x} />
              ))}
            </List>
          </>
        )}
      </PullToRefresh>
    </div>
  );
}
