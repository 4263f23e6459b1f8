/** The lecture calendar: each lecture on its day, with its issue number and attendance; a click opens it. */
import { Badge, Calendar, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLectures } from '../data';

export function LectureCalendar({ communityId, onOpen }: { communityId: string | undefined; onOpen: (id: string) => void }) {
  const { t } = useTranslation('party');
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(7, 'day').format('YYYY-MM-DD');
  const lectures = useLectures({ communityId, from, to, limit: 50 });
  const byDay = new Map((lectures.data?.items ?? []).map((l) => [dayjs(l.scheduledAt).format('YYYY-MM-DD'), l]));

  return (
    <Spin spinning={lectures.isFetching}>
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d)}
        onSelect={(d, info) => {
          if (info.source !== 'date') return;
          const l = byDay.get(d.format('YYYY-MM-DD'));
          if (l) onOpen(l.id);
        }}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const l = byDay.get(d.format('YYYY-MM-DD'));
          if (!l) return null;
          return (
            <div className="party-cal-lecture" data-testid={`cal-${l.issueNo}`}>
              <Badge status={l.status === 'cancelled' ? 'default' : l.window === 'closed' ? 'success' : 'processing'} text={t('lectures.issue', { no: l.issueNo })} />
              <div className="party-cal-title">{l.title}</div>
              {l.window === 'closed' && l.status !== 'cancelled' && <div className="party-cal-meta">{t('lectures.checkInsShort', { count: l.checkIns })}</div>}
            </div>
          );
        }}
      />
    </Spin>
  );
}
