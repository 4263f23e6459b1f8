/** 安排微党课: title, lecturer, time (empty = the community's next weekly slot) and materials (text, link, file). */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { party } from '../../../../../contracts';
import { zodRule } from '../../../components/forms';
import { FormModal } from '../FormModal';
import { post, useMembers, usePartyMutation } from '../data';

interface Values {
  title: string;
  lecturerMemberId?: string;
  scheduledAt?: Dayjs;
  materials?: { kind: 'text' | 'link' | 'file'; title: string; content: string }[];
}

export function LectureFormModal({ communityId, initial, onClose }: { communityId: string | undefined; initial: { lecturerMemberId?: string; scheduledAt?: string }; onClose: () => void }) {
  const { t } = useTranslation('party');
  const { t: tc } = useTranslation();
  const members = useMembers({ communityId, limit: 200 });
  const create = usePartyMutation(post('/micro-lectures'));
  return (
    <FormModal<Values>
      title={t('lectures.create')}
      onClose={onClose}
      testId="lecture-form"
      width={680}
      successText={tc('common.created')}
      initialValues={{ lecturerMemberId: initial.lecturerMemberId, scheduledAt: initial.scheduledAt ? dayjs(initial.scheduledAt) : undefined, materials: [] }}
      onSubmit={(v) => create.mutateAsync({ communityId, title: v.title, lecturerMemberId: v.lecturerMemberId ?? null, scheduledAt: v.scheduledAt?.toISOString(), materials: v.materials ?? [] })}
    >
      <Form.Item name="title" label={t('lectures.title')} rules={[zodRule(party.text(200), tc)]} required><Input maxLength={200} /></Form.Item>
      <Form.Item name="lecturerMemberId" label={t('lectures.lecturer')}>
        <Select allowClear showSearch optionFilterProp="label" loading={members.isPending} options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.orgName}` }))} />
      </Form.Item>
      <Form.Item name="scheduledAt" label={t('lectures.time')} extra={t('lectures.timeHint')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="full-width" />
      </Form.Item>
      <Form.List name="materials">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" className="party-material">
                <Form.Item name={[field.name, 'kind']} initialValue="text"><Select className="party-material-kind" options={(['text', 'link', 'file'] as const).map((k) => ({ value: k, label: t(`materialKinds.${k}`) }))} /></Form.Item>
                <Form.Item name={[field.name, 'title']} rules={[{ required: true, message: t('common.required') }]}><Input placeholder={t('lectures.materialTitle')} /></Form.Item>
                <Form.Item name={[field.name, 'content']} rules={[{ required: true, message: t('common.required') }]}><Input placeholder={t('lectures.materialContent')} /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>{t('lectures.addMaterial')}</Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
