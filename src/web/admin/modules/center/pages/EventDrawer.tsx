/** One event: details and photos, its signups with check-in (walk-ins too), cancelling it. */
import { App, Button, Descriptions, Drawer, Image, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { span, type EventSignup } from '../common';
import { ResidentPicker, ThemeTag } from '../components';
import { useCancelEvent, useCancelSignup, useCheckIn, useEvent, useEventSignups } from '../data';

export function EventDrawer({ eventId, onClose }: { eventId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('center');
  const { message } = App.useApp();
  const me = useMe();
  const one = useEvent(eventId);
  const e = one.data;
  const cancel = useCancelEvent();
  const manage = can(me.data, 'event.manage');
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };
  return (
    <Drawer
      open={!!eventId}
      onClose={onClose}
      width={820}
      destroyOnHidden
      title={e?.title ?? ' '}
      extra={
        e &&
        manage &&
        e.status === 'published' && (
          <Popconfirm title={t('event.cancelTitle')} description={t('event.cancelHint', { count: e.signupCount })} onConfirm={() => act(() => cancel.mutateAsync(e.id), t('event.cancelled'))}>
            <Button danger data-testid="event-cancel">
              {t('event.cancel')}
            </Button>
          </Popconfirm>
        )
      }
    >
      {e && (
        <>
          <Descriptions size="small" column={2} bordered className="center-subtoolbar">
            <Descriptions.Item label={t('event.theme')}>
              <ThemeTag theme={e.theme} />
            </Descriptions.Item>
            <Descriptions.Item label={t('event.status')}>
              <Tag color={e.status === 'published' ? 'green' : 'default'}>{t(`eventStatus.${e.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('event.time')}>{span(e.startsAt, e.endsAt)}</Descriptions.Item>
            <Descriptions.Item label={t('event.place')}>{e.venueName ?? e.location ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('event.signups')}>{e.capacity ? `${e.signupCount}/${e.capacity}` : e.signupCount}</Descriptions.Item>
            <Descriptions.Item label={t('event.checkIns')}>{e.checkedInCount}</Descriptions.Item>
            <Descriptions.Item label={t('event.targetGroups')} span={2}>
              {e.targetGroups.length ? e.targetGroups.map((g) => <Tag key={g}>{t(`targetGroups.${g}`)}</Tag>) : '—'}
            </Descriptions.Item>
            {e.description && (
              <Descriptions.Item label={t('event.description')} span={2}>
                {e.description}
              </Descriptions.Item>
            )}
          </Descriptions>
          {e.photoIds.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap className="center-subtoolbar">
                {e.photoIds.map((p) => (
                  <Image key={p} width={120} height={90} style={{ objectFit: 'cover' }} src={`/api/v1/events/${e.id}/photos/${p}`} alt={e.title} />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          <SignupList eventId={e.id} communityId={e.communityId} open={e.status === 'published'} />
        </>
      )}
    </Drawer>
  );
}

function SignupList({ eventId, communityId, open }: { eventId: string; communityId: string; open: boolean }) {
  const { t } = useTranslation('center');
  const { message } = App.useApp();
  const me = useMe();
  const paging = useCursorPaging(50);
  const list = useEventSignups(eventId, { cursor: paging.cursor, limit: paging.size });
  const checkIn = useCheckIn();
  const cancel = useCancelSignup();
  const [walkIn, setWalkIn] = useState<string>();
  const mayCheckIn = can(me.data, 'event.check_in') && open;
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };
  return (
    <>
      <div className="table-toolbar">
        <strong>{t('event.signupList')}</strong>
        {mayCheckIn && (
          <Space>
            <div style={{ width: 260 }}>
              <ResidentPicker communityId={communityId} value={walkIn} onChange={setWalkIn} testId="walkin-resident" />
            </div>
            <Button disabled={!walkIn} loading={checkIn.isPending} onClick={() => walkIn && void act(() => checkIn.mutateAsync({ eventId, residentId: walkIn }).then(() => setWalkIn(undefined)), t('event.checkedIn'))}>
              {t('event.walkIn')}
            </Button>
          </Space>
        )}
      </div>
      <Table<EventSignup>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('empty.signups') }}
        data-testid="signups-table"
        columns={[
          { title: t('enrollment.resident'), dataIndex: 'residentName' },
          { title: t('enrollment.channel'), dataIndex: 'channel', render: (c: EventSignup['channel']) => t(`channels.${c}`) },
          { title: t('enrollment.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('event.status'), dataIndex: 'status', render: (s: EventSignup['status']) => <Tag color={s === 'signed_up' ? 'blue' : 'default'}>{t(`signupStatus.${s}`)}</Tag> },
          { title: t('event.checkedInAt'), dataIndex: 'checkedInAt', render: (v: string | null) => (v ? <Tag color="green">{formatDateTime(v)}</Tag> : '—') },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, s) =>
              s.status === 'signed_up' && (
                <Space>
                  {mayCheckIn && !s.checkedInAt && (
                    <a onClick={() => void act(() => checkIn.mutateAsync({ eventId, residentId: s.residentId }), t('event.checkedIn'))} data-testid="signup-check-in">
                      {t('event.checkIn')}
                    </a>
                  )}
                  {!s.checkedInAt && can(me.data, 'event.manage') && (
                    <Popconfirm title={t('event.cancelSignupTitle', { name: s.residentName })} onConfirm={() => act(() => cancel.mutateAsync(s.id), t('event.signupCancelled'))}>
                      <a>{t('common.cancelAction')}</a>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
    </>
  );
}
