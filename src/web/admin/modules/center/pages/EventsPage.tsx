/**
 * 活动: the center's events by the seven colours of 多彩党建 (each a service line), with signups
 * and check-ins (= service visits); filter by colour, target group, dates and status.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { span, targetGroups, themeHex, themes, type CenterEvent, type Theme } from '../common';
import { CenterSelect, ThemeTag, useCenterChoice } from '../components';
import { useEvents } from '../data';
import { EventDrawer } from './EventDrawer';
import { EventFormModal } from './EventFormModal';
import '../center.css';

export default function EventsPage() {
  const { t } = useTranslation('center');
  const me = useMe();
  const choice = useCenterChoice();
  const paging = useCursorPaging(20);
  const [theme, setTheme] = useState<Theme>();
  const [targetGroup, setTargetGroup] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>([dayjs().subtract(1, 'month').startOf('month'), dayjs().add(2, 'month').endOf('month')]);
  const [opened, setOpened] = useState<string>();
  const [creating, setCreating] = useState(false);
  const list = useEvents({
    centerId: choice.centerId,
    theme,
    targetGroup,
    status,
    from: range?.[0].format('YYYY-MM-DD'),
    to: range?.[1].format('YYYY-MM-DD'),
    cursor: paging.cursor,
    limit: paging.size,
  });
  const pick = (th: Theme | undefined) => {
    setTheme(th);
    paging.reset();
  };

  return (
    <PageContainer
      title={t('nav.centerEvents')}
      description={t('navDescriptions.centerEvents')}
      extra={
        can(me.data, 'event.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!choice.centerId} data-testid="create-event">
            {t('event.create')}
          </Button>
        )
      }
    >
      <Card variant="borderless">
        <div className="center-theme-bar center-subtoolbar" role="radiogroup" aria-label={t('event.theme')} data-testid="theme-bar">
          <button type="button" className={`center-theme-chip center-theme-chip-all${theme ? ' center-theme-chip-off' : ''}`} onClick={() => pick(undefined)}>
            {t('event.allThemes')}
          </button>
          {themes.map((th) => (
            <button
              key={th}
              type="button"
              role="radio"
              aria-checked={theme === th}
              className={`center-theme-chip${theme && theme !== th ? ' center-theme-chip-off' : ''}`}
              style={{ background: themeHex[th], borderColor: theme === th ? '#000' : 'transparent' }}
              onClick={() => pick(theme === th ? undefined : th)}
              data-testid={`theme-${th}`}
            >
              {t(`themes.${th}`)}
            </button>
          ))}
        </div>
        <div className="table-toolbar">
          <Space wrap>
            <CenterSelect choice={choice} />
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => {
                setRange(v && v[0] && v[1] ? [v[0], v[1]] : null);
                paging.reset();
              }}
            />
            <Select
              allowClear
              className="toolbar-select"
              placeholder={t('event.targetGroups')}
              value={targetGroup}
              onChange={(v) => {
                setTargetGroup(v);
                paging.reset();
              }}
              options={targetGroups.map((g) => ({ value: g, label: t(`targetGroups.${g}`) }))}
            />
            <Select
              allowClear
              className="toolbar-select"
              placeholder={t('event.status')}
              value={status}
              onChange={(v) => {
                setStatus(v);
                paging.reset();
              }}
              options={(['published', 'cancelled'] as const).map((s) => ({ value: s, label: t(`eventStatus.${s}`) }))}
            />
          </Space>
        </div>
        <Table<CenterEvent>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('empty.events') }}
          data-testid="events-table"
          columns={[
            {
              title: t('event.title'),
              dataIndex: 'title',
              render: (title: string, e) => (
                <span>
                  <span className="center-event-color" style={{ background: themeHex[e.theme] }} />
                  <a onClick={() => setOpened(e.id)}>{title}</a>
                </span>
              ),
            },
            { title: t('event.theme'), dataIndex: 'theme', render: (th: Theme) => <ThemeTag theme={th} /> },
            { title: t('event.time'), key: 'time', render: (_, e) => span(e.startsAt, e.endsAt) },
            { title: t('event.place'), key: 'place', render: (_, e) => e.venueName ?? e.location ?? '—' },
            { title: t('event.targetGroups'), dataIndex: 'targetGroups', render: (g: string[]) => g.map((x) => <Tag key={x}>{t(`targetGroups.${x}` as 'targetGroups.elderly')}</Tag>) },
            { title: t('event.signups'), key: 'signups', render: (_, e) => (e.capacity ? `${e.signupCount}/${e.capacity}` : e.signupCount) },
            { title: t('event.checkIns'), dataIndex: 'checkedInCount' },
            { title: t('event.status'), dataIndex: 'status', render: (s: CenterEvent['status']) => <Tag color={s === 'published' ? 'green' : 'default'}>{t(`eventStatus.${s}`)}</Tag> },
          ]}
        />
        <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
      </Card>
      <EventDrawer eventId={opened} onClose={() => setOpened(undefined)} />
      {creating && choice.centerId && <EventFormModal centerId={choice.centerId} defaultTheme={theme} onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
