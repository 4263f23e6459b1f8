/**
 * Edit an org node (sent with the version it was read at; a stale edit gets the conflict message and
 * a button to load the latest) or add a street / community under it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgs as schemas } from '../../../../contracts';
import { isApiError } from '../../../shared/api';
import type { OrgView } from '../../../shared/types';
import { blankToNull, showFieldErrors, zodRule } from '../../components/forms';
import { orgsKey, useCreateOrg, useUpdateOrg, type OrgFields } from '../../data/orgs';

interface Props {
  mode: 'edit' | 'create';
  org: OrgView;
  childKind: 'street' | 'community' | null;
  onClose: () => void;
  onCreated: (org: OrgView) => void;
}

export function OrgFormModal({ mode, org, childKind, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrgFields>();
  const update = useUpdateOrg();
  const create = useCreateOrg();
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const body = schemas.CreateOrgBody.shape;

  const submit = async (values: OrgFields) => {
    setError(null);
    const fields = blankToNull(values);
    try {
      if (mode === 'edit') {
        await update.mutateAsync({ id: org.id, version: org.version, ...fields });
        message.success(t('common.saved'));
      } else {
        const created = await create.mutateAsync({ parentId: org.id, kind: childKind!, ...fields });
        message.success(t('common.created'));
        onCreated(created);
      }
      onClose();
    } catch (err) {
      if (isApiError(err, 'version_conflict')) setConflict(true);
      else if (!showFieldErrors(form, err, t)) setError(isApiError(err) ? err.message : String(err));
    }
  };

  const reloadLatest = async () => {
    await queryClient.invalidateQueries({ queryKey: orgsKey });
    const latest = queryClient.getQueryData<OrgView[]>(orgsKey)?.find((o) => o.id === org.id);
    if (latest) form.setFieldsValue({ name: latest.name, code: latest.code, phone: latest.phone, address: latest.address });
    setConflict(false);
  };

  const title = mode === 'edit' ? t('orgs.editTitle', { name: org.name }) : t(childKind === 'street' ? 'orgs.addStreetUnder' : 'orgs.addCommunityUnder', { name: org.name });

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending || create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={560}
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
      <Form<OrgFields>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={mode === 'edit' ? { name: org.name, code: org.code, phone: org.phone, address: org.address } : {}}
      >
        <Form.Item name="name" label={t('orgs.fields.name')} rules={[zodRule(body.name, t)]} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="code" label={t('orgs.fields.code')} rules={[zodRule(body.code, t)]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="phone" label={t('orgs.fields.phone')} rules={[zodRule(body.phone, t)]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="address" label={t('orgs.fields.address')} rules={[zodRule(body.address, t)]}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
