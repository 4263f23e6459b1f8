/**
 * The resident form (new or edit) with live validation from the server's own checks: the ID number
 * (18 characters, region, birth date, check digit) fills in birth date and gender, the phone must be
 * a mainland mobile or landline. On edit, ID number and phone stay unchanged unless retyped.
 */
import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { places } from '../../../../../contracts';
import { blankToNull, showFieldErrors, zodRule } from '../../../components/forms';
import { placesApi, usePlacesMutation, type Resident } from '../data';
import { TagSelect, usePlacesT } from './common';

interface Values {
  name: string;
  relationToHead?: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  birthDate?: Dayjs;
  phone?: string;
  ethnicity?: string;
  politicalStatus?: string;
  residency: 'permanent' | 'floating';
  tags: string[];
  notes?: string;
}

export function ResidentFormModal({ open, householdId, resident, onClose, onSaved }: { open: boolean; householdId?: string; resident?: Resident; onClose: () => void; onSaved?: (r: Resident) => void }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = usePlacesMutation(placesApi.createResident);
  const update = usePlacesMutation(placesApi.updateResident);
  const idNumber = Form.useWatch('idNumber', form);
  const derived = idNumber ? places.checkIdNumber(idNumber) : null;
  // Gender and birth date follow the ID number: the one typed now, or the one on record.
  const fromId = !!derived?.ok || (!!resident?.idNumber && !idNumber);

  const onValuesChange = (changed: Partial<Values>) => {
    if (changed.idNumber === undefined) return;
    const r = places.checkIdNumber(changed.idNumber ?? '');
    if (r.ok) form.setFieldsValue({ gender: r.facts.gender, birthDate: dayjs(r.facts.birthDate) });
  };

  const submit = (raw: Values) => {
    const v = blankToNull(raw);
    const body: Record<string, unknown> = {
      name: v.name,
      ethnicity: v.ethnicity,
      politicalStatus: v.politicalStatus ?? null,
      residency: v.residency,
      tags: v.tags ?? [],
      notes: v.notes,
    };
    if (v.idNumber) body.idNumber = v.idNumber;
    else if (!resident) body.idNumber = null;
    if (v.phone) body.phone = v.phone;
    else if (!resident) body.phone = null;
    if (!fromId) {
      if (v.gender) body.gender = v.gender;
      if (v.birthDate) body.birthDate = v.birthDate.format('YYYY-MM-DD');
    }
    if (v.relationToHead) body.relationToHead = v.relationToHead;
    const done = {
      onSuccess: (r: Resident) => (message.success(tc('common.saved')), onSaved?.(r), onClose()),
      onError: (e: Error) => showFieldErrors(form, e, tc) || message.error(e.message),
    };
    if (resident) update.mutate({ id: resident.id, version: resident.version, ...body }, done);
    else create.mutate({ householdId, ...body }, done);
  };

  const idRule = {
    validator: async (_r: unknown, v: string | undefined) => {
      if (!v) {
        if (!resident && !form.getFieldValue('gender')) throw new Error(t('fieldErrors.gender_birth_required'));
        return;
      }
      const r = places.checkIdNumber(v);
      if (!r.ok) throw new Error(t(`fieldErrors.${r.problem}`));
    },
  };
  const phoneRule = { validator: async (_r: unknown, v: string | undefined) => { if (v && !places.normalizePhone(v)) throw new Error(t('fieldErrors.phone_format')); } };

  return (
    <Modal
      open={open}
      width={720}
      title={resident ? t('residents.editTitle', { name: resident.name }) : t('residents.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        preserve={false}
        initialValues={
          resident
            ? {
                name: resident.name,
                relationToHead: resident.relationToHead ?? undefined,
                gender: resident.gender,
                birthDate: resident.birthDate ? dayjs(resident.birthDate) : undefined,
                ethnicity: resident.ethnicity ?? '',
                politicalStatus: resident.politicalStatus ?? undefined,
                residency: resident.residency,
                tags: resident.tags,
                notes: resident.notes ?? '',
              }
            : { residency: 'permanent', tags: [], ethnicity: t('residents.defaultEthnicity') }
        }
        data-testid="resident-form"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('residents.name')} rules={[zodRule(places.CreateResidentBody.shape.name, tc)]}>
              <Input maxLength={50} data-testid="resident-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="relationToHead" label={t('residents.relation')} rules={resident ? [] : [{ required: true, message: t('common.required') }]}>
              <Select options={places.relations.map((r) => ({ value: r, label: t(`relations.${r}`) }))} data-testid="resident-relation" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="idNumber"
              label={t('residents.idNumber')}
              rules={[idRule]}
              validateTrigger={['onChange', 'onBlur']}
              extra={resident ? t('residents.keepHint', { value: resident.idNumber ?? '—' }) : fromId ? t('residents.derived') : t('residents.idHint')}
            >
              <Input maxLength={18} autoComplete="off" placeholder={resident?.idNumber ?? undefined} data-testid="resident-id-number" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('residents.phone')} rules={[phoneRule]} validateTrigger={['onChange', 'onBlur']} extra={resident ? t('residents.keepHint', { value: resident.phone ?? '—' }) : undefined}>
              <Input maxLength={30} autoComplete="off" placeholder={resident?.phone ?? undefined} data-testid="resident-phone" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gender" label={t('residents.gender')} rules={[{ validator: async (_r, v) => { if (!v && !fromId && !resident) throw new Error(t('common.required')); } }]}>
              <Radio.Group disabled={fromId} options={(['male', 'female'] as const).map((g) => ({ value: g, label: t(`genders.${g}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="birthDate" label={t('residents.birthDate')} rules={[{ validator: async (_r, v) => { if (!v && !fromId && !resident) throw new Error(t('common.required')); } }]}>
              <DatePicker className="full-width" disabled={fromId} disabledDate={(d) => d.isAfter(dayjs())} data-testid="resident-birth-date" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ethnicity" label={t('residents.ethnicity')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="politicalStatus" label={t('residents.politicalStatus')}>
              <Select allowClear options={places.politicalStatuses.map((s) => ({ value: s, label: t(`politicalStatuses.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="residency" label={t('residents.residency')}>
              <Radio.Group optionType="button" options={(['permanent', 'floating'] as const).map((r) => ({ value: r, label: t(`residency.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="tags" label={t('residents.tags')}>
              <TagSelect />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('residents.notes')}>
              <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
