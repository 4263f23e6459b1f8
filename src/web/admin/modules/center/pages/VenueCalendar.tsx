/**
 * 场地日历: one row per function room, bookings as blocks. Day view lays the blocks on a time axis
 * (07:00–22:00); week view shows each day's blocks in a cell. Colours say the status.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Segmented, Space, Spin, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hhmm, type Booking, type CalendarView } from '../common';
import { ThemeTag } from '../components';

export type CalendarMode = 'day' | 'week';
const AXIS_START = 7;
const AXIS_END = 22;

export function calendarRange(mode: CalendarMode, anchor: Dayjs): { from: string; to: string } {
  const start = mode === 'day' ? anchor : anchor.subtract((anchor.day() + 6) % 7, 'day');
  const end = mode === 'day' ? anchor : start.add(6, 'day');
  return { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') };
}

export function CalendarToolbar({ mode, anchor, onMode, onAnchor }: { mode: CalendarMode; anchor: Dayjs; onMode: (m: CalendarMode) => void; onAnchor: (d: Dayjs) => void }) {
  const { t } = useTranslation('center');
  const unit = mode === 'day' ? 'day' : 'week';
  return (
    <Space wrap>
      <Segmented<CalendarMode> value={mode} onChange={onMode} options={[{ value: 'day', label: t('venues.day') }, { value: 'week', label: t('venues.week') }]} data-testid="calendar-mode" />
      <Button icon={<LeftOutlined />} onClick={() => onAnchor(anchor.subtract(1, unit))} aria-label={t('venues.prev')} />
      <DatePicker value={anchor} onChange={(d) => d && onAnchor(d)} picker={mode === 'week' ? 'week' : 'date'} allowClear={false} />
      <Button icon={<RightOutlined />} onClick={() => onAnchor(anchor.add(1, unit))} aria-label={t('venues.next')} />
      <Button onClick={() => onAnchor(dayjs())}>{t('venues.today')}</Button>
    </Space>
  );
}

function Block({ booking, style, onOpen }: { booking: Booking; style?: React.CSSProperties; onOpen: (b: Booking) => void }) {
  const { t } = useTranslation('center');
  return (
    <Tooltip title={`${hhmm(booking.startsAt)}–${hhmm(booking.endsAt)} ${booking.purpose} · ${t(`bookingStatus.${booking.status}`)}${booking.bookerName ? ` · ${booking.bookerName}` : ''}`}>
      <button type="button" className={`center-block center-block-${booking.status} center-block-${booking.bookerKind}`} style={style} onClick={() => onOpen(booking)} data-testid="booking-block">
        <span className="center-block-time">{hhmm(booking.startsAt)}–{hhmm(booking.endsAt)}</span> {booking.purpose}
      </button>
    </Tooltip>
  );
}

export function VenueCalendar({ data, loading, mode, from, onOpen }: { data: CalendarView | undefined; loading: boolean; mode: CalendarMode; from: string; onOpen: (b: Booking) => void }) {
  const { t } = useTranslation('center');
  const days = useMemo(() => Array.from({ length: mode === 'day' ? 1 : 7 }, (_, i) => dayjs(from).add(i, 'day')), [mode, from]);
  const byVenue = useMemo(() => {
    const map = new Map<string, Booking[]>();
    for (const b of data?.bookings ?? []) if (b.status !== 'cancelled' && b.status !== 'rejected') map.set(b.venueId, [...(map.get(b.venueId) ?? []), b]);
    return map;
  }, [data]);
  if (!data) return <Spin spinning={loading}><div className="center-calendar-empty" /></Spin>;
  if (data.venues.length === 0) return <Empty description={t('empty.venues')} />;
  const hours = Array.from({ length: AXIS_END - AXIS_START }, (_, i) => AXIS_START + i);
  const pos = (iso: string) => {
    const d = dayjs(iso);
    const h = d.hour() + d.minute() / 60;
    return Math.min(100, Math.max(0, ((h - AXIS_START) / (AXIS_END - AXIS_START)) * 100));
  };

  return (
    <Spin spinning={loading}>
      <div className={`center-calendar center-calendar-${mode}`} data-testid="venue-calendar">
        <div className="center-cal-row center-cal-head">
          <div className="center-cal-venue">{t('venues.room')}</div>
          {mode === 'day' ? (
            <div className="center-cal-axis">
              {hours.map((h) => (
                <span key={h} style={{ left: `${((h - AXIS_START) / (AXIS_END - AXIS_START)) * 100}%` }}>{`${h}:00`}</span>
              ))}
            </div>
          ) : (
            days.map((d) => (
              <div key={d.format('YYYY-MM-DD')} className={`center-cal-day${d.isSame(dayjs(), 'day') ? ' center-cal-today' : ''}`}>
                {d.format('MM-DD ddd')}
              </div>
            ))
          )}
        </div>
        {data.venues.map((v) => {
          const list = byVenue.get(v.id) ?? [];
          return (
            <div key={v.id} className="center-cal-row" data-testid={`calendar-row-${v.name}`}>
              <div className="center-cal-venue">
                <div className="center-cal-venue-name">{v.name}</div>
                <div className="center-cal-venue-meta">
                  {t('venues.capacityShort', { count: v.capacity })} {v.theme && <ThemeTag theme={v.theme} />}
                </div>
              </div>
              {mode === 'day' ? (
                <div className="center-cal-track">
                  {list.map((b) => (
                    <Block key={b.id} booking={b} onOpen={onOpen} style={{ left: `${pos(b.startsAt)}%`, width: `${Math.max(2, pos(b.endsAt) - pos(b.startsAt))}%` }} />
                  ))}
                </div>
              ) : (
                days.map((d) => (
                  <div key={d.format('YYYY-MM-DD')} className="center-cal-cell">
                    {list
                      .filter((b) => dayjs(b.startsAt).isSame(d, 'day'))
                      .map((b) => (
                        <Block key={b.id} booking={b} onOpen={onOpen} />
                      ))}
                  </div>
                ))
              )}
            </div>
          );
        })}
      </div>
    </Spin>
  );
}
