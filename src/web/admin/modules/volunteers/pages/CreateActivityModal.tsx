/**
 * A new activity: what, where, when, for which team, slots per role with their capacity,
 * requirements (skills, age), the cancellation cutoff, and — for care to one resident — who is
 * served. Saved as a draft or published at once.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volunteers as schemas } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import type { OrgView } from '../../../../shared/types';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { activityCategories, careKinds, themeColors, type Activity, type Category } from '../common';
import { useOptionLists } from '../components';
import { useCreateActivity, useTeams } from '../data';
import { ResidentPicker } from '../ResidentPicker';

interface Values {
  communityId: string;
  title: string;
  category: Category;
  theme?: string;
  place: string;
  time: [Dayjs, Dayjs];
  teamId?: string;
  slots: Array<{ role: string; capacity: number }>;
  requiredSkills: string[];
  minAge?: number;
  maxAge?: number;
  cancelCutoffMinutes?: number;
  care: boolean;
  careResidentId?: string;
  careKind?: string;
  description?: string;
  publish: boolean;
}

export function CreateActivityModal({ communities, defaultCommunityId, day, onClose, onCreated }: { communities: OrgView[]; defaultCommunityId?: string; day: Dayjs; onClose: () => void; onCreated: (a: Activity) => void }) {
  const { t } = useTranslation('volunteers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateActivity();
  const options = useOptionLists();
  const [error, setError] = useState<string | null>(null);
  const communityId = Form.useWatch('communityId', form);
  const care = Form.useWatch('care', form);
  const teams = useTeams({ communityId, limit: 200 });

  const submit = async (v: Values) => {
    setError(null);
    try {
      const a = await create.mutateAsync({
        communityId: v.communityId,
        title: v.title,
        category: v.care ? 'care' : v.category,
        theme: v.theme ?? null,
        place: v.place,
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        teamId: v.teamId ?? null,
        slots: v.slots,
        requiredSkills: v.requiredSkills ?? [],
        minAge: v.minAge ?? null,
        maxAge: v.maxAge ?? null,
        cancelCutoffMinutes: v.cancelCutoffMinutes,
        careResidentId: v.care ? v.careResidentId : null,
        careKind: v.care ? v.careKind : null,
        description: v.description || null,
        publish: v.publish,
      });
      message.success(t(v.publish ? 'activities.published' : 'activities.drafted', { title: a.title }));
      onCreated(a);
      onClose();
    } catch (err) {
      if (!showFieldErrors(form, err, tc)) setError(isApiError(err) ? err.message : String(err));
    }
  };

  const start = day.hour(9).minute(0).second(0);
  return (
    <Modal open title={t('activities.create')} onCancel={onClose} onOk={() => form.submit()} okText={tc('common.save')} cancelText={tc('common.cancel')} confirmLoading={create.isPending} destroyOnHidden width={720} okButtonProps={{ 'data-testid': 'activity-submit' } as Record<string, string>}>
      {error && <Alert type="error" showIcon message={error} className="form-alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ communityId: defaultCommunityId ?? (communities.length === 1 ? communities[0]!.id : undefined), category: 'civility', time: [start, start.add(2, 'hour')], slots: [{ role: t('activities.defaultRole'), capacity: 10 }], requiredSkills: [], care: false, careKind: 'daily_care', publish: true }}
      >
        <Form.Item name="communityId" label={t('fields.community')} rules={[{ required: true, message: tc('fieldErrors.required') }]} hidden={communities.length === 1}>
          <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="title" label={t('activities.fields.title')} rules={[{ required: true, message: tc('fieldErrors.required') }, zodRule(schemas.CreateActivityBody.shape.title, tc)]}>
          <Input maxLength={100} data-testid="activity-title" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="category" label={t('activities.fields.category')} hidden={care}>
            <Select options={activityCategories.map((c) => ({ value: c, label: t(`categories.${c}`) }))} />
          </Form.Item>
          <Form.Item name="theme" label={t('activities.fields.theme')}>
            <Select allowClear options={themeColors.map((c) => ({ value: c, label: t(`themes.${c}`) }))} />
          </Form.Item>
          <Form.Item name="teamId" label={t('fields.team')}>
            <Select allowClear showSearch optionFilterProp="label" options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
        </div>
        <Form.Item name="place" label={t('activities.fields.place')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <Input maxLength={200} data-testid="activity-place" />
        </Form.Item>
        <Form.Item name="time" label={t('activities.fields.time')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" className="full-width" />
        </Form.Item>
        <Form.List name="slots">
          {(fields, { add, remove }) => (
            <Form.Item label={t('activities.fields.slots')} required>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" className="vol-slot-row">
                  <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
                    <Input placeholder={t('activities.fields.role')} maxLength={30} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'capacity']} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
                    <InputNumber min={1} max={10000} suffix={t('activities.people')} data-testid="slot-capacity" />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('activities.removeSlot')} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: '', capacity: 5 })}>
                {t('activities.addSlot')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <div className="form-row">
          <Form.Item name="requiredSkills" label={t('activities.fields.requiredSkills')}>
            <Select mode="multiple" options={options.skills} />
          </Form.Item>
          <Form.Item name="minAge" label={t('activities.fields.minAge')}>
            <InputNumber min={0} max={120} className="full-width" />
          </Form.Item>
          <Form.Item name="maxAge" label={t('activities.fields.maxAge')}>
            <InputNumber min={0} max={120} className="full-width" />
          </Form.Item>
          <Form.Item name="cancelCutoffMinutes" label={t('activities.fields.cutoff')}>
            <InputNumber min={0} max={10080} suffix={t('activities.minutes')} className="full-width" placeholder="120" />
          </Form.Item>
        </div>
        <Form.Item name="care" label={t('activities.fields.care')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {care && (
          <div className="form-row">
            <Form.Item name="careResidentId" label={t('activities.fields.careResident')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
              <ResidentPicker communityId={communityId} />
            </Form.Item>
            <Form.Item name="careKind" label={t('activities.fields.careKind')}>
              <Select options={careKinds.map((k) => ({ value: k, label: t(`careKinds.${k}`) }))} />
            </Form.Item>
          </div>
        )}
        <Form.Item name="description" label={t('activities.fields.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="publish" label={t('activities.fields.publish')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
