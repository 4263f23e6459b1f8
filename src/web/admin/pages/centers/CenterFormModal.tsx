/** Create a center in a community, or edit one (with its version; a stale edit offers the latest). */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgs as schemas } from '../../../../contracts';
import { isApiError } from '../../../shared/api';
import type { CenterView } from '../../../shared/types';
import { blankToNull, showFieldErrors, zodRule } from '../../components/forms';
import { centersKey, useSaveCenter, type CenterFields } from '../../data/centers';
import { useOrgs } from '../../data/orgs';

type Values = CenterFields & { communityId?: string };

export function CenterFormModal({ center, onClose }: { center: CenterView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useSaveCenter();
  const orgs = useOrgs(center === null);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const body = schemas.CreateCenterBody.shape;
  const communities = (orgs.data ?? []).filter((o) => o.kind === 'community').map((o) => ({ value: o.id, label: o.name }));

  const submit = async ({ communityId, ...values }: Values) => {
    setError(null);
    const fields = blankToNull(values);
    try {
      await save.mutateAsync(center ? { id: center.id, version: center.version, fields } : { communityId: communityId!, fields });
      message.success(t(center ? 'common.saved' : 'common.created'));
      onClose();
    } catch (err) {
      if (isApiError(err, 'version_conflict')) setConflict(true);
      else if (!showFieldErrors(form, err, t)) setError(isApiError(err) ? err.message : String(err));
    }
  };

  const reloadLatest = async () => {
    await queryClient.invalidateQueries({ queryKey: centersKey });
    const latest = queryClient.getQueryData<CenterView[]>(centersKey)?.find((c) => c.id === center?.id);
    if (latest) form.setFieldsValue(latest);
    setConflict(false);
  };

  return (
    <Modal
      open
      title={center ? t('centers.editTitle', { name: center.name }) : t('centers.create')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={600}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          message={t('errors.versionConflictTitle')}
          description={t('errors.versionConflict')}
          action={
            <Button size="small" onClick={() => void reloadLatest()}>
              {t('common.loadLatest')}
            </Button>
          }
        />
      )}
      {error && <Alert type="error" showIcon className="form-alert" message={error} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={center ?? {}}>
        {!center && (
          <Form.Item name="communityId" label={t('centers.fields.community')} rules={[zodRule(body.communityId, t)]} required>
            <Select showSearch optionFilterProp="label" options={communities} loading={orgs.isPending} placeholder={t('centers.pickCommunity')} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('centers.fields.name')} rules={[zodRule(body.name, t)]} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('centers.fields.address')} rules={[zodRule(body.address, t)]}>
          <Input maxLength={200} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="areaM2" label={t('centers.fields.areaM2')} rules={[zodRule(body.areaM2, t)]}>
            <InputNumber min={1} max={1_000_000} precision={0} suffix={t('centers.squareMeters')} className="full-width" />
          </Form.Item>
          <Form.Item name="phone" label={t('centers.fields.phone')} rules={[zodRule(body.phone, t)]}>
            <Input maxLength={30} />
          </Form.Item>
        </div>
        <Form.Item name="openingHours" label={t('centers.fields.openingHours')} rules={[zodRule(body.openingHours, t)]}>
          <Input maxLength={100} placeholder={t('centers.openingHoursPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
