/**
 * 点名: pick a session (the next or the one running is preselected), mark each enrolled person
 * present / absent / on leave; for the 4:30 school also who picked the child up and at what time.
 */
import { App, Button, Empty, Input, Radio, Select, Table, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import type { Course, Roster } from '../common';
import { useRecordAttendance, useRoster, useSessions } from '../data';

type Row = Roster['items'][number];
type Status = NonNullable<Row['status']>;

export function AttendancePanel({ courseId, kind }: { courseId: string; kind: Course['kind'] }) {
  const { t } = useTranslation('center');
  const { message } = App.useApp();
  const sessions = useSessions(courseId);
  const [sessionId, setSessionId] = useState<string>();
  useEffect(() => {
    if (sessionId || !sessions.data?.length) return;
    // Attendance is taken during or after class: the latest session that has begun, else the first.
    const soon = Date.now() + 60 * 60_000;
    const begun = sessions.data.filter((s) => Date.parse(s.startsAt) <= soon && s.status === 'scheduled');
    setSessionId((begun[begun.length - 1] ?? sessions.data[0])?.id);
  }, [sessions.data, sessionId]);
  const roster = useRoster(sessionId);
  const record = useRecordAttendance();
  const [edits, setEdits] = useState<Record<string, Partial<Row>>>({});
  useEffect(() => setEdits({}), [sessionId]);
  const rows = useMemo(() => (roster.data?.items ?? []).map((r) => ({ ...r, ...edits[r.residentId] })), [roster.data, edits]);
  const change = (id: string, patch: Partial<Row>) => setEdits((e) => ({ ...e, [id]: { ...e[id], ...patch } }));
  const afterSchool = kind === 'after_school';
  const session = roster.data?.session;

  const save = async () => {
    const records = rows
      .filter((r) => r.status)
      .map((r) => ({ residentId: r.residentId, status: r.status as Status, pickedUpBy: afterSchool ? r.pickedUpBy || null : undefined, pickedUpAt: afterSchool ? r.pickedUpAt : undefined }));
    if (records.length === 0 || !sessionId) return;
    try {
      await record.mutateAsync({ sessionId, records });
      setEdits({});
      message.success(t('attendance.saved', { count: records.length }));
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };
  const markAll = () => setEdits(Object.fromEntries(rows.map((r) => [r.residentId, { ...edits[r.residentId], status: 'present' as Status }])));

  if (sessions.data && sessions.data.length === 0) return <Empty description={t('empty.sessions')} />;
  return (
    <>
      <div className="table-toolbar">
        <Select
          className="toolbar-select wide"
          value={sessionId}
          onChange={setSessionId}
          loading={sessions.isFetching}
          options={(sessions.data ?? []).map((s, i) => ({ value: s.id, label: `${t('attendance.sessionNo', { n: i + 1 })} ${formatDateTime(s.startsAt)}${s.status === 'cancelled' ? ` (${t('attendance.cancelled')})` : ` · ${t('attendance.presentCount', { count: s.presentCount })}`}` }))}
          data-testid="session-select"
        />
        <div>
          <Button onClick={markAll} disabled={rows.length === 0}>
            {t('attendance.allPresent')}
          </Button>{' '}
          <Button type="primary" onClick={() => void save()} loading={record.isPending} disabled={Object.keys(edits).length === 0 || session?.status === 'cancelled'} data-testid="attendance-save">
            {t('attendance.save')}
          </Button>
        </div>
      </div>
      <Table<Row>
        rowKey="residentId"
        size="small"
        loading={roster.isFetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('empty.roster') }}
        columns={[
          { title: t('enrollment.resident'), dataIndex: 'residentName' },
          {
            title: t('attendance.status'),
            key: 'status',
            render: (_, r) => (
              <Radio.Group size="small" optionType="button" value={r.status} onChange={(e) => change(r.residentId, { status: e.target.value as Status })} options={(['present', 'absent', 'leave'] as const).map((s) => ({ value: s, label: t(`attendanceStatus.${s}`) }))} />
            ),
          },
          ...(afterSchool
            ? [
                { title: t('attendance.pickedUpBy'), key: 'by', render: (_: unknown, r: Row) => <Input size="small" maxLength={50} placeholder={t('attendance.pickedUpByPlaceholder')} value={r.pickedUpBy ?? ''} onChange={(e) => change(r.residentId, { pickedUpBy: e.target.value })} /> },
                {
                  title: t('attendance.pickedUpAt'),
                  key: 'at',
                  render: (_: unknown, r: Row) => (
                    <TimePicker
                      size="small"
                      format="HH:mm"
                      value={r.pickedUpAt ? dayjs(r.pickedUpAt) : null}
                      onChange={(v) => change(r.residentId, { pickedUpAt: v && session ? dayjs(session.startsAt).hour(v.hour()).minute(v.minute()).second(0).toISOString() : null })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
