/**
 * Staff record a household's day as incorrect (with what was wrong), or correct a record. The
 * server refuses a change once the day's reward was paid; its reason appears here.
 */
import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api';
import { useCorrectRecord, useCreateRecord, type PointHousehold, type SortingIssue } from '../data';
import { sortingIssues } from '../kinds';

interface Values {
  result: 'correct' | 'incorrect';
  issue?: SortingIssue | null;
  note?: string;
}

/** The first field's reason when the server gives one (e.g. "奖补已发放，不能再修改"), else its message. */
export const reasonOf = (err: unknown): string => (isApiError(err) ? (err.fieldIssues[0]?.message ?? err.message) : String(err));

export function RecordModal({ row, pointId, day, onClose }: { row: PointHousehold; pointId: string; day: string; onClose: () => void }) {
  const { t } = useTranslation('waste');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateRecord();
  const correct = useCorrectRecord();
  const [error, setError] = useState<string | null>(null);
  const result = Form.useWatch('result', form);
  const existing = row.record;

  const submit = async (values: Values) => {
    setError(null);
    const issue = values.result === 'incorrect' ? (values.issue ?? null) : null;
    const note = values.note?.trim() || null;
    try {
      if (existing) await correct.mutateAsync({ id: existing.id, version: existing.version, result: values.result, issue, note });
      else await create.mutateAsync({ dropPointId: pointId, householdId: row.householdId, day, result: values.result, issue, note });
      onClose();
    } catch (err) {
      setError(isApiError(err, 'version_conflict') ? tc('errors.versionConflict') : reasonOf(err));
    }
  };

  return (
    <Modal
      open
      title={existing ? t('records.correctTitle', { address: row.address }) : t('records.recordTitle', { address: row.address })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      confirmLoading={create.isPending || correct.isPending}
      okButtonProps={{ 'data-testid': 'record-submit' } as Record<string, string>}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon className="form-alert" message={error} data-testid="record-error" />}
      <Typography.Paragraph type="secondary">{t('records.dayLine', { day })}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={existing ? { result: existing.result, issue: (existing.issue as SortingIssue | null) ?? undefined, note: existing.note ?? '' } : { result: 'incorrect' }}
      >
        <Form.Item name="result" label={t('records.fields.result')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={(['correct', 'incorrect'] as const).map((r) => ({ value: r, label: t(`results.${r}`) }))} />
        </Form.Item>
        {result === 'incorrect' && (
          <Form.Item name="issue" label={t('records.fields.issue')}>
            <Select allowClear options={sortingIssues.map((i) => ({ value: i, label: t(`issues.${i}`) }))} placeholder={t('records.issuePlaceholder')} data-testid="record-issue" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('records.fields.note')}>
          <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
