/** 登记党员: the roster entry of a member, validated with the server's own rules (ID number, phone, workplace). */
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { party } from '../../../../../contracts';
import { zodRule } from '../../../components/forms';
import { FormModal } from '../FormModal';
import { post, usePartyMutation, type PartyOrg } from '../data';

interface Values {
  orgId: string;
  name: string;
  gender?: 'male' | 'female';
  phone?: string;
  idNumber?: string;
  status: 'full' | 'probationary';
  joinedOn: Dayjs;
  fullOn?: Dayjs;
  membership: 'registered' | 'reporting' | 'mobile';
  workplace?: string;
  tags?: string[];
}

export function MemberFormModal({ communityId, orgs, orgId, onClose }: { communityId: string | undefined; orgs: PartyOrg[]; orgId?: string; onClose: () => void }) {
  const { t } = useTranslation('party');
  const { t: tc } = useTranslation();
  const create = usePartyMutation(post('/party-members'));
  const date = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD') ?? null;

  return (
    <FormModal<Values>
      title={t('members.create')}
      onClose={onClose}
      testId="member-form"
      width={680}
      successText={tc('common.created')}
      initialValues={{ orgId, status: 'full', membership: 'registered', tags: [] }}
      onSubmit={(v) =>
        create.mutateAsync({
          communityId,
          ...v,
          phone: v.phone || null,
          idNumber: v.idNumber || null,
          workplace: v.workplace || null,
          joinedOn: date(v.joinedOn),
          fullOn: v.status === 'full' ? date(v.fullOn) : null,
        })
      }
    >
      {(form) => (
        <Form.Item noStyle shouldUpdate>
          {() => (
            <div className="party-form-grid">
              <Form.Item name="name" label={t('members.fullName')} rules={[zodRule(party.text(50), tc)]} required>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="orgId" label={t('members.org')} rules={[{ required: true, message: t('common.required') }]}>
                <Select showSearch optionFilterProp="label" options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
              </Form.Item>
              <Form.Item name="gender" label={t('members.gender')}>
                <Radio.Group options={[{ value: 'male', label: t('gender.male') }, { value: 'female', label: t('gender.female') }]} />
              </Form.Item>
              <Form.Item name="phone" label={t('members.phone')} rules={[zodRule(party.PhoneInput.optional(), tc)]}>
                <Input maxLength={20} />
              </Form.Item>
              <Form.Item name="idNumber" label={t('members.idNumber')} rules={[zodRule(party.IdNumberInput.optional(), tc)]}>
                <Input maxLength={18} />
              </Form.Item>
              <Form.Item name="status" label={t('members.status')} required>
                <Radio.Group options={(['full', 'probationary'] as const).map((k) => ({ value: k, label: t(`status.${k}`) }))} />
              </Form.Item>
              <Form.Item name="joinedOn" label={t('members.joinedOn')} rules={[{ required: true, message: t('common.required') }]}>
                <DatePicker className="full-width" />
              </Form.Item>
              {form.getFieldValue('status') === 'full' && (
                <Form.Item name="fullOn" label={t('members.fullOn')}>
                  <DatePicker className="full-width" />
                </Form.Item>
              )}
              <Form.Item name="membership" label={t('members.membership')} required>
                <Select options={(['registered', 'reporting', 'mobile'] as const).map((k) => ({ value: k, label: t(`membership.${k}`) }))} />
              </Form.Item>
              <Form.Item name="workplace" label={t('members.workplace')} rules={form.getFieldValue('membership') === 'reporting' ? [{ required: true, message: t('common.required') }] : []}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="tags" label={t('members.tags')}>
                <Select mode="tags" options={[{ value: t('members.tagPioneer') }, { value: t('members.tagVolunteer') }]} />
              </Form.Item>
            </div>
          )}
        </Form.Item>
      )}
    </FormModal>
  );
}
