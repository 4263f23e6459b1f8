/**
 * 场地: the rooms' calendar (day/week), the bookings waiting for a decision, and the room list.
 * Staff book a room from here; a clash shows the server's booking_conflict message on the form.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { can, useMe } from '../../../../shared/me';
import { bookingColor, span, type Booking, type Venue } from '../common';
import { CenterSelect, ThemeTag, useCenterChoice } from '../components';
import { useBookings, useCalendar, useVenues } from '../data';
import { BookingActions, BookingDrawer } from './BookingDrawer';
import { BookingModal } from './BookingModal';
import { CalendarToolbar, calendarRange, VenueCalendar, type CalendarMode } from './VenueCalendar';
import '../center.css';

export default function VenuesPage() {
  const { t } = useTranslation('center');
  const me = useMe();
  const choice = useCenterChoice();
  const [tab, setTab] = useState('calendar');
  const [mode, setMode] = useState<CalendarMode>('week');
  const [anchor, setAnchor] = useState<Dayjs>(dayjs());
  const [opened, setOpened] = useState<Booking>();
  const [booking, setBooking] = useState(false);
  const range = calendarRange(mode, anchor);
  const calendar = useCalendar({ centerId: choice.centerId, ...range });
  const venues = calendar.data?.venues ?? [];
  const pending = useBookings({ centerId: choice.centerId, status: 'pending', limit: 1 });

  return (
    <PageContainer
      title={t('nav.centerVenues')}
      description={t('navDescriptions.centerVenues')}
      extra={
        can(me.data, 'booking.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setBooking(true)} disabled={venues.length === 0} data-testid="create-booking">
            {t('booking.create')}
          </Button>
        )
      }
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <CenterSelect choice={choice} />
            {tab === 'calendar' && <CalendarToolbar mode={mode} anchor={anchor} onMode={setMode} onAnchor={setAnchor} />}
          </Space>
          {tab === 'calendar' && (
            <Space>
              <Badge color="#52c41a" text={t('bookingStatus.confirmed')} />
              <Badge color="#faad14" text={t('bookingStatus.pending')} />
              <Badge color="#8c8c8c" text={t('venues.courseOrEvent')} />
            </Space>
          )}
        </div>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'calendar', label: t('venues.calendar'), children: <VenueCalendar data={calendar.data} loading={calendar.isFetching} mode={mode} from={range.from} onOpen={setOpened} /> },
            {
              key: 'bookings',
              label: (
                <span data-testid="tab-bookings">
                  {t('venues.bookings')} {pending.data?.items.length ? <Badge dot /> : null}
                </span>
              ),
              children: <BookingsTable centerId={choice.centerId} venues={venues} onOpen={setOpened} />,
            },
            { key: 'rooms', label: t('venues.rooms'), children: <VenuesTable centerId={choice.centerId} /> },
          ]}
        />
      </Card>
      <BookingDrawer booking={opened} onClose={() => setOpened(undefined)} />
      {booking && <BookingModal venues={venues} defaults={{ start: mode === 'day' ? anchor : dayjs().add(1, 'day') }} onClose={() => setBooking(false)} />}
    </PageContainer>
  );
}

function BookingsTable({ centerId, venues, onOpen }: { centerId: string | undefined; venues: Venue[]; onOpen: (b: Booking) => void }) {
  const { t } = useTranslation('center');
  const paging = useCursorPaging(20);
  const [status, setStatus] = useState<string | undefined>('pending');
  const [venueId, setVenueId] = useState<string>();
  const list = useBookings({ centerId, status, venueId, cursor: paging.cursor, limit: paging.size });
  return (
    <>
      <Space wrap className="center-subtoolbar">
        <Select
          allowClear
          className="toolbar-select"
          placeholder={t('booking.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            paging.reset();
          }}
          options={(['pending', 'confirmed', 'rejected', 'cancelled'] as const).map((s) => ({ value: s, label: t(`bookingStatus.${s}`) }))}
          data-testid="booking-status-filter"
        />
        <Select
          allowClear
          className="toolbar-select wide"
          placeholder={t('booking.venue')}
          value={venueId}
          onChange={(v) => {
            setVenueId(v);
            paging.reset();
          }}
          options={venues.map((v) => ({ value: v.id, label: v.name }))}
        />
      </Space>
      <Table<Booking>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('empty.bookings') }}
        onRow={(b) => ({ onDoubleClick: () => onOpen(b) })}
        columns={[
          { title: t('booking.time'), key: 'time', render: (_, b) => <a onClick={() => onOpen(b)}>{span(b.startsAt, b.endsAt)}</a> },
          { title: t('booking.venue'), dataIndex: 'venueName' },
          { title: t('booking.purpose'), dataIndex: 'purpose' },
          { title: t('booking.booker'), key: 'booker', render: (_, b) => `${b.bookerName ?? '—'}（${t(`bookerKinds.${b.bookerKind}`)}）` },
          { title: t('booking.attendees'), dataIndex: 'attendees', render: (v: number | null) => v ?? '—' },
          { title: t('booking.status'), dataIndex: 'status', render: (s: Booking['status']) => <Tag color={bookingColor[s]}>{t(`bookingStatus.${s}`)}</Tag> },
          { title: t('common.actions'), key: 'actions', render: (_, b) => <BookingActions booking={b} /> },
        ]}
      />
      <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
    </>
  );
}

function VenuesTable({ centerId }: { centerId: string | undefined }) {
  const { t } = useTranslation('center');
  const paging = useCursorPaging(20);
  const list = useVenues({ centerId, cursor: paging.cursor, limit: paging.size });
  return (
    <>
      <Table<Venue>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('empty.venues') }}
        data-testid="venues-table"
        columns={[
          { title: t('venue.name'), dataIndex: 'name', render: (n: string, v) => <Space direction="vertical" size={0}><strong>{n}</strong><span className="center-muted">{v.purpose}</span></Space> },
          { title: t('venue.theme'), dataIndex: 'theme', render: (th: Venue['theme']) => <ThemeTag theme={th} /> },
          { title: t('venue.area'), dataIndex: 'areaM2', render: (a: number | null) => (a ? `${a} m²` : '—') },
          { title: t('venue.capacity'), dataIndex: 'capacity', sorter: (a, b) => a.capacity - b.capacity },
          { title: t('venue.equipment'), dataIndex: 'equipment', render: (e: string[]) => e.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('venue.hours'), key: 'hours', render: (_, v) => `${v.opensAt}–${v.closesAt}` },
          { title: t('venue.bookableBy'), key: 'bookable', render: (_, v) => [t('venue.staff'), ...v.bookableBy.map((b) => t(`venue.${b}`))].join('、') },
          { title: t('venue.approval'), dataIndex: 'approvalRequired', render: (a: boolean) => (a ? <Tag color="gold">{t('venue.needsApproval')}</Tag> : <Tag>{t('venue.noApproval')}</Tag>) },
          { title: t('venue.status'), dataIndex: 'status', render: (s: Venue['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`venueStatus.${s}`)}</Tag> },
        ]}
      />
      <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
    </>
  );
}
