/** Founding a team: of the community itself, of a partner unit, or of a party organization. */
import { useQuery } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volunteers as schemas } from '../../../../../contracts';
import { api, isApiError } from '../../../../shared/api';
import type { OrgView } from '../../../../shared/types';
import { showFieldErrors, zodRule } from '../../../components/forms';
import type { Team } from '../common';
import { useCreateTeam } from '../data';

interface Values {
  communityId: string;
  name: string;
  ownerKind: Team['ownerKind'];
  partnerUnitId?: string;
  partyOrgId?: string;
  description?: string;
  foundedOn?: Dayjs;
}

export function CreateTeamModal({ communities, defaultCommunityId, onClose }: { communities: OrgView[]; defaultCommunityId?: string; onClose: () => void }) {
  const { t } = useTranslation('volunteers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTeam();
  const [error, setError] = useState<string | null>(null);
  const communityId = Form.useWatch('communityId', form);
  const ownerKind = Form.useWatch('ownerKind', form);
  const units = useQuery({
    queryKey: ['partner-units', communityId],
    queryFn: () => api.get<Array<{ id: string; name: string }>>('/partner-units', { query: { communityId } }),
    enabled: ownerKind === 'partner_unit' && !!communityId,
  });
  const partyOrgs = useQuery({
    queryKey: ['party-orgs', communityId],
    queryFn: () => api.get<Array<{ id: string; name: string }>>('/party-orgs', { query: { communityId } }),
    enabled: ownerKind === 'party_org' && !!communityId,
  });

  const submit = async (v: Values) => {
    setError(null);
    try {
      const team = await create.mutateAsync({ ...v, foundedOn: v.foundedOn?.format('YYYY-MM-DD'), description: v.description || null });
      message.success(t('teams.created', { name: team.name }));
      onClose();
    } catch (err) {
      if (!showFieldErrors(form, err, tc)) setError(isApiError(err) ? err.message : String(err));
    }
  };

  return (
    <Modal open title={t('teams.create')} onCancel={onClose} onOk={() => form.submit()} okText={tc('common.save')} cancelText={tc('common.cancel')} confirmLoading={create.isPending} destroyOnHidden width={560} okButtonProps={{ 'data-testid': 'team-submit' } as Record<string, string>}>
      {error && <Alert type="error" showIcon message={error} className="form-alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ communityId: defaultCommunityId ?? (communities.length === 1 ? communities[0]!.id : undefined), ownerKind: 'community' }}>
        <Form.Item name="communityId" label={t('fields.community')} rules={[{ required: true, message: tc('fieldErrors.required') }]} hidden={communities.length === 1}>
          <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('teams.fields.name')} rules={[{ required: true, message: tc('fieldErrors.required') }, zodRule(schemas.UpdateTeamBody.shape.name.unwrap(), tc)]}>
          <Input maxLength={60} data-testid="team-name" />
        </Form.Item>
        <Form.Item name="ownerKind" label={t('teams.fields.owner')}>
          <Radio.Group optionType="button" options={(['community', 'partner_unit', 'party_org'] as const).map((k) => ({ value: k, label: t(`ownerKinds.${k}`) }))} />
        </Form.Item>
        {ownerKind === 'partner_unit' && (
          <Form.Item name="partnerUnitId" label={t('teams.fields.partnerUnit')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
            <Select showSearch optionFilterProp="label" loading={units.isFetching} options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        {ownerKind === 'party_org' && (
          <Form.Item name="partyOrgId" label={t('teams.fields.partyOrg')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
            <Select showSearch optionFilterProp="label" loading={partyOrgs.isFetching} options={(partyOrgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
        <Form.Item name="foundedOn" label={t('teams.fields.foundedOn')}>
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item name="description" label={t('teams.fields.description')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
