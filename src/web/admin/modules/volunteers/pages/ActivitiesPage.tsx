/**
 * 活动日历: every activity of the month on a calendar (drafts dashed, cancelled struck through,
 * full ones marked), a day's list beside it, and creating a new activity with its slots.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Calendar, Card, Empty, List, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer';
import { activityCategories, type Activity } from '../common';
import { CommunitySelect } from '../components';
import { useActivitiesBetween, useCommunities } from '../data';
import { CreateActivityModal } from './CreateActivityModal';
import '../volunteers.css';

const dayOf = (iso: string) => dayjs(iso).format('YYYY-MM-DD');

export default function ActivitiesPage() {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const communities = useCommunities();
  const [communityId, setCommunityId] = useState<string>();
  const [category, setCategory] = useState<string>();
  const [selected, setSelected] = useState<Dayjs>(dayjs());
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [creating, setCreating] = useState(false);
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(7, 'day').format('YYYY-MM-DD');
  const activities = useActivitiesBetween({ communityId, from, to });

  const byDay = useMemo(() => {
    const map = new Map<string, Activity[]>();
    for (const a of activities.data ?? []) {
      if (category && a.category !== category) continue;
      const key = dayOf(a.startsAt);
      map.set(key, [...(map.get(key) ?? []), a]);
    }
    return map;
  }, [activities.data, category]);
  const dayList = byDay.get(selected.format('YYYY-MM-DD')) ?? [];
  const open = (a: Activity) => void navigate(`/volunteers/activities/${a.id}`);
  const chip = (a: Activity) => `vol-chip vol-chip-${a.status}${a.signedUp >= a.capacity ? ' vol-chip-full' : ''}`;

  return (
    <PageContainer title={t('nav.volunteerActivities')} description={t('navDescriptions.volunteerActivities')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-activity">{t('activities.create')}</Button>}>
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <CommunitySelect communities={communities.data ?? []} value={communityId} onChange={setCommunityId} allowAll />
            <Select allowClear className="toolbar-select" placeholder={t('activities.fields.category')} value={category} onChange={setCategory} options={activityCategories.map((c) => ({ value: c, label: t(`categories.${c}`) }))} />
          </Space>
          <Space>
            <Badge status="processing" text={t('activityStatus.published')} />
            <Badge status="default" text={t('activityStatus.draft')} />
            <Badge status="error" text={t('activities.full')} />
          </Space>
        </div>
        <div className="vol-calendar-layout">
          <Calendar
            className="vol-calendar"
            value={selected}
            onSelect={(d) => setSelected(d)}
            onPanelChange={(d) => setMonth(d)}
            cellRender={(d, info) => {
              if (info.type !== 'date') return null;
              const list = byDay.get(d.format('YYYY-MM-DD')) ?? [];
              return (
                <div className="vol-cell" data-testid={`day-${d.format('YYYY-MM-DD')}`}>
                  {list.slice(0, 3).map((a) => (
                    <div key={a.id} className={chip(a)} title={a.title}>
                      {dayjs(a.startsAt).format('HH:mm')} {a.title}
                    </div>
                  ))}
                  {list.length > 3 && <div className="vol-chip-more">{t('activities.more', { count: list.length - 3 })}</div>}
                </div>
              );
            }}
          />
          <div className="vol-day-list">
            <Typography.Title level={5} className="section-title">
              {t('activities.dayTitle', { date: selected.format('YYYY-MM-DD'), count: dayList.length })}
            </Typography.Title>
            <List
              dataSource={dayList}
              loading={activities.isFetching}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.day')} /> }}
              renderItem={(a) => (
                <List.Item className="vol-day-item" onClick={() => open(a)} data-testid={`activity-${a.title}`}>
                  <List.Item.Meta
                    title={
                      <Space size={4} wrap>
                        <span>{a.title}</span>
                        {a.status !== 'published' && <Tag bordered={false}>{t(`activityStatus.${a.status}`)}</Tag>}
                        {a.careKind && <Tag bordered={false} color="magenta">{t(`careKinds.${a.careKind}`)}</Tag>}
                      </Space>
                    }
                    description={
                      <>
                        <div>{dayjs(a.startsAt).format('HH:mm')}–{dayjs(a.endsAt).format('HH:mm')} · {a.place}</div>
                        <div>
                          {t('activities.fill', { signedUp: a.signedUp, capacity: a.capacity })}
                          {a.waitlisted > 0 && ` · ${t('activities.waitlisted', { count: a.waitlisted })}`}
                          {a.teamName && ` · ${a.teamName}`}
                        </div>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </div>
        </div>
      </Card>
      {creating && <CreateActivityModal communities={communities.data ?? []} defaultCommunityId={communityId} day={selected} onClose={() => setCreating(false)} onCreated={(a) => open(a)} />}
    </PageContainer>
  );
}
