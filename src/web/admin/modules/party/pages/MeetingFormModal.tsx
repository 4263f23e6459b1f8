/** 新建联席会: date, place, agenda, minutes, and who came from each of the four parties. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { party } from '../../../../../contracts';
import { zodRule } from '../../../components/forms';
import { FormModal } from '../FormModal';
import { post, usePartyMutation, type MeetingParty } from '../data';
import { allParties } from './MeetingsPage';

interface Values {
  title: string;
  heldAt: Dayjs;
  location?: string;
  agenda?: string;
  minutes?: string;
  attendees: { party: MeetingParty; name: string; organization?: string }[];
}

export function MeetingFormModal({ communityId, onClose }: { communityId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('party');
  const { t: tc } = useTranslation();
  const create = usePartyMutation(post('/joint-meetings'));
  return (
    <FormModal<Values>
      title={t('meetings.create')}
      onClose={onClose}
      width={720}
      testId="meeting-form"
      successText={tc('common.created')}
      initialValues={{ heldAt: dayjs().hour(15).minute(0), title: t('meetings.defaultTitle', { month: dayjs().month() + 1 }), attendees: allParties.map((p) => ({ party: p, name: '' })) }}
      onSubmit={(v) => create.mutateAsync({ communityId, ...v, heldAt: v.heldAt.toISOString(), attendees: v.attendees.filter((a) => a.name?.trim()) })}
    >
      <Form.Item name="title" label={t('meetings.title')} rules={[zodRule(party.text(200), tc)]} required><Input maxLength={200} /></Form.Item>
      <Space wrap>
        <Form.Item name="heldAt" label={t('meetings.heldAt')} rules={[{ required: true, message: t('common.required') }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
        <Form.Item name="location" label={t('meetings.location')}><Input maxLength={200} /></Form.Item>
      </Space>
      <Form.Item name="agenda" label={t('meetings.agenda')}><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
      <Form.Item name="minutes" label={t('meetings.minutes')}><Input.TextArea rows={4} maxLength={20000} /></Form.Item>
      <Form.List name="attendees">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" className="party-material">
                <Form.Item name={[f.name, 'party']}><Select className="toolbar-select" options={allParties.map((p) => ({ value: p, label: t(`parties.${p}`) }))} /></Form.Item>
                <Form.Item name={[f.name, 'name']}><Input placeholder={t('meetings.attendeeName')} maxLength={50} /></Form.Item>
                <Form.Item name={[f.name, 'organization']}><Input placeholder={t('meetings.organization')} maxLength={100} /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ party: 'community', name: '' })}>{t('meetings.addAttendee')}</Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
