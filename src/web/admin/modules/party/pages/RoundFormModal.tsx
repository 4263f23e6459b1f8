/** 发起测评: on a lecture (ratings and comments) or the annual grading of every member on the roster. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { party } from '../../../../../contracts';
import { zodRule } from '../../../components/forms';
import { FormModal } from '../FormModal';
import { post, useLectures, usePartyMutation } from '../data';

interface Values {
  title: string;
  kind: 'lecture' | 'member';
  lectureId?: string;
  period: [Dayjs, Dayjs];
  questions: { text: string; kind: 'rating' | 'comment' }[];
}

export function RoundFormModal({ communityId, onClose }: { communityId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('party');
  const { t: tc } = useTranslation();
  const lectures = useLectures({ communityId, limit: 20 });
  const create = usePartyMutation(post('/evaluation-rounds'));
  return (
    <FormModal<Values>
      title={t('evaluations.create')}
      onClose={onClose}
      width={640}
      testId="round-form"
      successText={tc('common.created')}
      initialValues={{
        kind: 'lecture',
        period: [dayjs(), dayjs().add(3, 'day')],
        questions: [{ text: t('evaluations.defaultContent'), kind: 'rating' }, { text: t('evaluations.defaultForm'), kind: 'rating' }, { text: t('evaluations.defaultAdvice'), kind: 'comment' }],
      }}
      onSubmit={({ period, questions, ...v }) =>
        create.mutateAsync({
          communityId,
          ...v,
          lectureId: v.kind === 'lecture' ? v.lectureId : undefined,
          questions: (v.kind === 'lecture' ? questions : questions.filter((q) => q.kind === 'comment')).map((q, i) => ({ key: `q${i + 1}`, ...q })),
          opensAt: period[0].toISOString(),
          closesAt: period[1].toISOString(),
        })
      }
    >
      {(form) => (
        <Form.Item noStyle shouldUpdate>
          {() => (
            <>
              <Form.Item name="title" label={t('evaluations.title')} rules={[zodRule(party.text(200), tc)]} required><Input maxLength={200} /></Form.Item>
              <Form.Item name="kind" label={t('evaluations.kind')}>
                <Radio.Group options={(['lecture', 'member'] as const).map((k) => ({ value: k, label: t(`evaluationKinds.${k}`) }))} />
              </Form.Item>
              {form.getFieldValue('kind') === 'lecture' && (
                <Form.Item name="lectureId" label={t('evaluations.lecture')} rules={[{ required: true, message: t('common.required') }]}>
                  <Select options={(lectures.data?.items ?? []).map((l) => ({ value: l.id, label: `${t('lectures.issue', { no: l.issueNo })} ${l.title}` }))} />
                </Form.Item>
              )}
              <Form.Item name="period" label={t('evaluations.period')} rules={[{ required: true, message: t('common.required') }]}>
                <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="full-width" />
              </Form.Item>
              <Form.List name="questions">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline" className="party-material">
                        <Form.Item name={[f.name, 'kind']}><Select className="party-material-kind" options={(['rating', 'comment'] as const).map((k) => ({ value: k, label: t(`questionKinds.${k}`) }))} /></Form.Item>
                        <Form.Item name={[f.name, 'text']} rules={[{ required: true, message: t('common.required') }]}><Input className="party-question" /></Form.Item>
                        <MinusCircleOutlined onClick={() => remove(f.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'rating', text: '' })}>{t('evaluations.addQuestion')}</Button>
                  </>
                )}
              </Form.List>
            </>
          )}
        </Form.Item>
      )}
    </FormModal>
  );
}
