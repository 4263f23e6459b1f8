/** One meeting: attendance by party, minutes, this meeting's decisions and the items carried over. */
import { App, Button, Checkbox, DatePicker, Descriptions, Drawer, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { partyKey, post, useMeeting, usePartyMutation, type ActionItem, type MeetingParty } from '../data';
import { allParties, partyColors } from './MeetingsPage';
import { useQueryClient } from '@tanstack/react-query';

export function MeetingDrawer({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t } = useTranslation('party');
  const { message } = App.useApp();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const meeting = useMeeting(meetingId);
  const addAction = usePartyMutation(post(`/joint-meetings/${meetingId}/actions`));
  const m = meeting.data;
  const manage = can(me, 'joint_meeting.manage');

  const toggle = async (a: ActionItem) => {
    try {
      await api.patch(`/meeting-action-items/${a.id}`, { version: a.version, status: a.status === 'open' ? 'done' : 'open' });
      await queryClient.invalidateQueries({ queryKey: partyKey });
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  const item = (a: ActionItem, showMeeting = false) => (
    <List.Item key={a.id} actions={manage ? [<Checkbox key="done" checked={a.status === 'done'} onChange={() => void toggle(a)}>{t('meetings.done')}</Checkbox>] : []}>
      <List.Item.Meta
        title={<Space>{a.decision}{a.overdue && <Tag color="red" bordered={false}>{t('meetings.overdue')}</Tag>}{a.status === 'done' && <Tag color="green" bordered={false}>{t('meetings.doneTag')}</Tag>}</Space>}
        description={`${t(`parties.${a.ownerParty}`)} · ${a.ownerName} · ${t('meetings.due', { date: a.dueOn })}${showMeeting ? ` · ${a.meetingTitle}` : ''}`}
      />
    </List.Item>
  );

  return (
    <Drawer open width={680} title={m?.title} onClose={onClose} loading={meeting.isPending} data-testid="meeting-drawer">
      {m && (
        <>
          <Descriptions column={2} size="small">
            <Descriptions.Item label={t('meetings.heldAt')}>{formatDateTime(m.heldAt)}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.location')}>{m.location ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.agenda')} span={2}>{m.agenda ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('meetings.attendance')}</Typography.Title>
          <div className="party-parties">
            {allParties.map((p) => (
              <div key={p} className="party-party">
                <Tag bordered={false} color={m.partiesPresent.includes(p) ? partyColors[p] : 'default'}>{t(`parties.${p}`)}</Tag>
                <span>{m.attendees.filter((a) => a.party === p).map((a) => `${a.name}${a.organization ? ` (${a.organization})` : ''}`).join(t('common.separator')) || t('meetings.absent')}</span>
              </div>
            ))}
          </div>
          <Typography.Title level={5} className="party-section">{t('meetings.minutes')}</Typography.Title>
          <Typography.Paragraph className="party-minutes" data-testid="meeting-minutes">{m.minutes ?? t('meetings.noMinutes')}</Typography.Paragraph>
          <Typography.Title level={5}>{t('meetings.carriedOver', { count: m.carriedOver.length })}</Typography.Title>
          {m.carriedOver.length ? <List size="small" bordered dataSource={m.carriedOver} renderItem={(a) => item(a, true)} data-testid="carried-over" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.nothingCarried')} />}
          <Typography.Title level={5} className="party-section">{t('meetings.decisionsTitle')}</Typography.Title>
          <List size="small" bordered dataSource={m.actions} renderItem={(a) => item(a)} locale={{ emptyText: t('meetings.noDecisions') }} />
          {manage && (
            <Form<{ decision: string; ownerParty: MeetingParty; ownerName: string; dueOn: Dayjs }>
              layout="vertical"
              className="party-section"
              onFinish={async (v) => {
                try {
                  await addAction.mutateAsync({ ...v, dueOn: v.dueOn.format('YYYY-MM-DD') });
                } catch (err) {
                  message.error(isApiError(err) ? err.message : String(err));
                }
              }}
            >
              <Form.Item name="decision" label={t('meetings.newDecision')} rules={[{ required: true, message: t('common.required') }]}><Input maxLength={500} /></Form.Item>
              <Space wrap align="end">
                <Form.Item name="ownerParty" label={t('meetings.owner')} rules={[{ required: true, message: t('common.required') }]}>
                  <Select className="toolbar-select" options={allParties.map((p) => ({ value: p, label: t(`parties.${p}`) }))} />
                </Form.Item>
                <Form.Item name="ownerName" label={t('meetings.ownerName')} rules={[{ required: true, message: t('common.required') }]}><Input maxLength={50} /></Form.Item>
                <Form.Item name="dueOn" label={t('meetings.dueOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
                <Form.Item><Button htmlType="submit" loading={addAction.isPending}>{t('meetings.addDecision')}</Button></Form.Item>
              </Space>
            </Form>
          )}
        </>
      )}
    </Drawer>
  );
}
