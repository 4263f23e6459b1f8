/**
 * Registering as a volunteer: the community, what I can do, when I am free, what I like to serve
 * in. Residents whose record the community keeps need not give name and phone again.
 */
import { Button, Form, Input, NoticeBar, Selector } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { activityCategories, availabilitySlots, volunteerSkills } from '../../../admin/modules/volunteers/common';
import { Loading, VolunteerPage } from './common';
import { useMyVolunteer, useSelfRegister } from './data';

interface Values {
  communityId: string[];
  name?: string;
  phone?: string;
  skills: string[];
  availability: string[];
  areas: string[];
}

export default function RegisterPage() {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const mine = useMyVolunteer();
  const register = useSelfRegister();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const communities = mine.data?.communities ?? [];

  const submit = async (v: Values) => {
    setError(null);
    try {
      await register.mutateAsync({ communityId: v.communityId[0], name: v.name?.trim() || undefined, phone: v.phone?.trim() || undefined, skills: v.skills, availability: v.availability, areas: v.areas });
      void navigate('/volunteers');
    } catch (err) {
      if (isApiError(err)) {
        const fields = err.fieldIssues.filter((f) => f.field === 'name' || f.field === 'phone');
        if (fields.length) form.setFields(fields.map((f) => ({ name: f.field, errors: [f.message ?? t('app.required')] })));
        else setError(err.message);
      } else setError(String(err));
    }
  };

  return (
    <VolunteerPage title={t('app.registerTitle')} testId="volunteer-register">
      {mine.isPending ? (
        <Loading />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ communityId: communities[0] ? [communities[0].id] : [], skills: [], availability: [], areas: [] }}
          footer={
            <Button block type="submit" color="primary" size="large" className="r-big-button" loading={register.isPending} data-testid="register-submit">
              {t('app.registerSubmit')}
            </Button>
          }
        >
          {error && <NoticeBar color="alert" wrap content={error} />}
          <Form.Item name="communityId" label={t('fields.community')} hidden={communities.length <= 1} rules={[{ required: true, type: 'array', min: 1, message: t('app.required') }]}>
            <Selector className="r-selector" columns={1} options={communities.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <p className="r-line v-hint">{t('app.personHint')}</p>
          <Form.Item name="name" label={t('fields.name')}>
            <Input placeholder={t('app.namePlaceholder')} maxLength={50} clearable />
          </Form.Item>
          <Form.Item name="phone" label={t('fields.phone')}>
            <Input type="tel" placeholder={t('app.phonePlaceholder')} maxLength={20} clearable />
          </Form.Item>
          <Form.Item name="skills" label={t('fields.skills')}>
            <Selector className="r-selector" multiple columns={2} options={volunteerSkills.map((s) => ({ value: s, label: t(`skills.${s}`) }))} data-testid="skills" />
          </Form.Item>
          <Form.Item name="availability" label={t('fields.availability')}>
            <Selector className="r-selector" multiple columns={2} options={availabilitySlots.map((s) => ({ value: s, label: t(`availability.${s}`) }))} />
          </Form.Item>
          <Form.Item name="areas" label={t('fields.areas')}>
            <Selector className="r-selector" multiple columns={2} options={activityCategories.map((s) => ({ value: s, label: t(`categories.${s}`) }))} />
          </Form.Item>
        </Form>
      )}
    </VolunteerPage>
  );
}
