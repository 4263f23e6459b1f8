/** One lecture: materials, who checked in (late flagged), and recording a missed check-in with a reason. */
import { App, Button, Descriptions, Drawer, Form, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { isApiError } from '../../../../shared/api';
import { percent } from '../components';
import { post, useLecture, useMembers, usePartyMutation } from '../data';

export function LectureDrawer({ lectureId, onClose }: { lectureId: string; onClose: () => void }) {
  const { t } = useTranslation('party');
  const { message } = App.useApp();
  const { data: me } = useMe();
  const lecture = useLecture(lectureId);
  const l = lecture.data;
  const members = useMembers({ communityId: l?.communityId, limit: 200 });
  const record = usePartyMutation(post(`/micro-lectures/${lectureId}/check-ins`));
  const checkedIn = new Set((l?.checkInList ?? []).map((c) => c.memberId));

  const submit = async (v: { memberId: string; reason: string }) => {
    try {
      await record.mutateAsync(v);
      await lecture.refetch();
      message.success(t('lectures.recorded'));
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  return (
    <Drawer open width={620} onClose={onClose} loading={lecture.isPending} title={l && `${t('lectures.issue', { no: l.issueNo })} ${l.title}`} data-testid="lecture-drawer">
      {l && (
        <>
          <Descriptions column={2} size="small">
            <Descriptions.Item label={t('lectures.time')}>{formatDateTime(l.scheduledAt)}</Descriptions.Item>
            <Descriptions.Item label={t('lectures.lecturer')}>{l.lecturerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lectures.window')}>{`${formatDateTime(l.checkinOpensAt).slice(11)}–${formatDateTime(l.checkinClosesAt).slice(11)}`}</Descriptions.Item>
            <Descriptions.Item label={t('lectures.attendance')}>{`${l.checkIns}/${l.eligible}${l.eligible ? ` (${percent(l.checkIns / l.eligible)})` : ''}`}</Descriptions.Item>
          </Descriptions>
          {l.materials.length > 0 && (
            <List size="small" header={t('lectures.materials')} dataSource={l.materials} renderItem={(m) => (
              <List.Item><Space><Tag>{t(`materialKinds.${m.kind}`)}</Tag>{m.kind === 'text' ? <span>{`${m.title}: ${m.content}`}</span> : <a href={m.content} target="_blank" rel="noreferrer">{m.title}</a>}</Space></List.Item>
            )} />
          )}
          <Typography.Title level={5} className="party-section">{t('lectures.checkIns')}</Typography.Title>
          <Table size="small" rowKey="id" dataSource={l.checkInList} pagination={{ pageSize: 20, size: 'small' }} columns={[
            { title: t('members.name'), dataIndex: 'memberName' },
            { title: t('lectures.checkedInAt'), dataIndex: 'checkedInAt', render: (v: string) => formatDateTime(v) },
            { title: t('lectures.state'), key: 's', render: (_, c) => c.reason ? <Tag color="purple" bordered={false} title={c.reason}>{t('lectures.recordedByStaff')}</Tag> : c.late ? <Tag color="orange" bordered={false}>{t('lectures.late')}</Tag> : <Tag color="red" bordered={false}>{t('lectures.onTime')}</Tag> },
          ]} />
          {can(me, 'micro_lecture.manage') && l.window !== 'upcoming' && (
            <Form layout="vertical" onFinish={(v) => void submit(v)} className="party-section" data-testid="record-check-in">
              <Typography.Title level={5}>{t('lectures.recordMissed')}</Typography.Title>
              <Form.Item name="memberId" label={t('members.name')} rules={[{ required: true, message: t('common.required') }]}>
                <Select showSearch optionFilterProp="label" options={(members.data?.items ?? []).filter((m) => !checkedIn.has(m.id)).map((m) => ({ value: m.id, label: `${m.name} · ${m.orgName}` }))} />
              </Form.Item>
              <Form.Item name="reason" label={t('lectures.reason')} rules={[{ required: true, message: t('common.required') }]}>
                <Input maxLength={200} placeholder={t('lectures.reasonPlaceholder')} />
              </Form.Item>
              <Button htmlType="submit" loading={record.isPending}>{t('lectures.record')}</Button>
            </Form>
          )}
        </>
      )}
    </Drawer>
  );
}
