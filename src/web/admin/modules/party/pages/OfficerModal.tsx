/** 任命: a member of the community as secretary / deputy / committee member, or leader of a group, for a term. */
import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../FormModal';
import { post, useMembers, usePartyMutation, type PartyOrg } from '../data';

interface Values {
  memberId: string;
  role: 'secretary' | 'deputy_secretary' | 'committee_member' | 'group_leader';
  term: [Dayjs, Dayjs | null];
}

export function OfficerModal({ org, onClose }: { org: PartyOrg; onClose: () => void }) {
  const { t } = useTranslation('party');
  const members = useMembers({ communityId: org.communityId, orgId: org.id, limit: 200 });
  const appoint = usePartyMutation(post(`/party-orgs/${org.id}/officers`));
  const roles = org.kind === 'group' ? (['group_leader'] as const) : (['secretary', 'deputy_secretary', 'committee_member'] as const);

  return (
    <FormModal<Values>
      title={t('orgs.appointTitle', { name: org.name })}
      onClose={onClose}
      testId="officer-form"
      initialValues={{ role: roles[0] }}
      onSubmit={({ memberId, role, term }) => appoint.mutateAsync({ memberId, role, termStart: term[0].format('YYYY-MM-DD'), termEnd: term[1]?.format('YYYY-MM-DD') ?? null })}
    >
      <Form.Item name="memberId" label={t('orgs.officer')} rules={[{ required: true, message: t('common.required') }]}>
        <Select showSearch optionFilterProp="label" loading={members.isPending} options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      </Form.Item>
      <Form.Item name="role" label={t('orgs.role')} required>
        <Select options={roles.map((r) => ({ value: r, label: t(`officerRoles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="term" label={t('orgs.term')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker.RangePicker allowEmpty={[false, true]} className="full-width" />
      </Form.Item>
    </FormModal>
  );
}
