/** Select an applicant (or move a supervisor) to a drop point; points without a supervisor come first. */
import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api';
import { useDecideSupervisor, type DropPoint, type Supervisor } from '../data';

export function SelectPointModal({ supervisor, points, onClose }: { supervisor: Supervisor; points: DropPoint[]; onClose: () => void }) {
  const { t } = useTranslation('waste');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideSupervisor();
  const [pointId, setPointId] = useState<string | undefined>(supervisor.dropPointId ?? undefined);
  const [error, setError] = useState<string | null>(null);

  const options = points
    .slice()
    .sort((a, b) => a.supervisors.length - b.supervisors.length || a.name.localeCompare(b.name, 'zh-CN', { numeric: true }))
    .map((p) => ({
      value: p.id,
      label: p.supervisors.length ? `${p.name} (${t('supervisors.currentOnDuty', { names: p.supervisors.map((s) => s.displayName).join(t('common.separator')) })})` : `${p.name} (${t('points.noSupervisor')})`,
    }));

  const submit = () => {
    if (!pointId) return setError(t('supervisors.pickPoint'));
    setError(null);
    decide.mutate(
      { id: supervisor.id, version: supervisor.version, status: 'selected', dropPointId: pointId },
      {
        onSuccess: () => {
          message.success(t('supervisors.selected', { name: supervisor.displayName, point: points.find((p) => p.id === pointId)?.name }));
          onClose();
        },
        onError: (err) => setError(isApiError(err, 'version_conflict') ? tc('errors.versionConflict') : err.message),
      },
    );
  };

  return (
    <Modal
      open
      title={t('supervisors.selectTitle', { name: supervisor.displayName })}
      onCancel={onClose}
      onOk={submit}
      okText={t('supervisors.select')}
      cancelText={tc('common.cancel')}
      confirmLoading={decide.isPending}
      okButtonProps={{ 'data-testid': 'select-point-submit' } as Record<string, string>}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon className="form-alert" message={error} />}
      <Typography.Paragraph type="secondary">{t('supervisors.selectHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('supervisors.fields.point')} required>
          <Select showSearch optionFilterProp="label" value={pointId} onChange={setPointId} options={options} placeholder={t('supervisors.pickPoint')} data-testid="select-point" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
