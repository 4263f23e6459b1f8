/**
 * Staff register a volunteer directly (approved at once): a resident of the community picked from
 * the register, or anyone else by name and phone (a partner unit's member, say), optionally into a team.
 */
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volunteers as schemas } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import type { OrgView } from '../../../../shared/types';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { useOptionLists } from '../components';
import { useRegisterVolunteer, useTeams } from '../data';
import { ResidentPicker } from '../ResidentPicker';

interface Values {
  communityId: string;
  who: 'resident' | 'person';
  residentId?: string;
  name?: string;
  phone?: string;
  gender?: 'male' | 'female';
  birthDate?: Dayjs;
  teamId?: string;
  skills: string[];
  availability: string[];
  areas: string[];
  note?: string;
}

export function RegisterVolunteerModal({ communities, defaultCommunityId, onClose }: { communities: OrgView[]; defaultCommunityId?: string; onClose: () => void }) {
  const { t } = useTranslation('volunteers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const register = useRegisterVolunteer();
  const options = useOptionLists();
  const [error, setError] = useState<string | null>(null);
  const communityId = Form.useWatch('communityId', form);
  const who = Form.useWatch('who', form);
  const teams = useTeams({ communityId, limit: 200 });
  const person = schemas.SelfRegisterBody.shape;

  const submit = async (v: Values) => {
    setError(null);
    try {
      const created = await register.mutateAsync({
        communityId: v.communityId,
        ...(v.who === 'resident' ? { residentId: v.residentId } : { name: v.name, phone: v.phone, gender: v.gender, birthDate: v.birthDate?.format('YYYY-MM-DD') }),
        teamId: v.teamId,
        skills: v.skills ?? [],
        availability: v.availability ?? [],
        areas: v.areas ?? [],
        note: v.note || null,
      });
      message.success(t('register.done', { name: created.name }));
      onClose();
    } catch (err) {
      if (!showFieldErrors(form, err, tc)) setError(isApiError(err) ? err.message : String(err));
    }
  };

  return (
    <Modal open title={t('register.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('register.submit')} cancelText={tc('common.cancel')} confirmLoading={register.isPending} destroyOnHidden width={620} okButtonProps={{ 'data-testid': 'register-submit' } as Record<string, string>}>
      {error && <Alert type="error" showIcon message={error} className="form-alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ communityId: defaultCommunityId ?? (communities.length === 1 ? communities[0]!.id : undefined), who: 'person', skills: [], availability: [], areas: [] }}>
        <Form.Item name="communityId" label={t('fields.community')} rules={[{ required: true, message: tc('fieldErrors.required') }]} hidden={communities.length === 1}>
          <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="who" label={t('register.who')}>
          <Radio.Group optionType="button" options={[{ value: 'person', label: t('register.person') }, { value: 'resident', label: t('register.resident') }]} />
        </Form.Item>
        {who === 'resident' ? (
          <Form.Item name="residentId" label={t('fields.resident')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
            <ResidentPicker communityId={communityId} testId="register-resident" />
          </Form.Item>
        ) : (
          <div className="form-row">
            <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, message: tc('fieldErrors.required') }, zodRule(person.name.unwrap(), tc)]}>
              <Input maxLength={50} data-testid="register-name" />
            </Form.Item>
            <Form.Item name="phone" label={t('fields.phone')} rules={[{ required: true, message: tc('fieldErrors.required') }, zodRule(person.phone.unwrap(), tc)]}>
              <Input maxLength={20} data-testid="register-phone" />
            </Form.Item>
            <Form.Item name="gender" label={t('fields.gender')}>
              <Select allowClear options={(['male', 'female'] as const).map((g) => ({ value: g, label: t(`genders.${g}`) }))} />
            </Form.Item>
            <Form.Item name="birthDate" label={t('fields.birthDate')}>
              <DatePicker className="full-width" />
            </Form.Item>
          </div>
        )}
        <Form.Item name="teamId" label={t('fields.team')}>
          <Select allowClear showSearch optionFilterProp="label" options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="skills" label={t('fields.skills')}>
          <Select mode="multiple" options={options.skills} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="availability" label={t('fields.availability')}>
            <Select mode="multiple" options={options.availability} />
          </Form.Item>
          <Form.Item name="areas" label={t('fields.areas')}>
            <Select mode="multiple" options={options.areas} />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
