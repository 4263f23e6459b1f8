/**
 * 新建/编辑课程. The schedule (term, dates, weekdays, times, room) is fixed once sessions exist, so
 * editing changes only what the server allows: name, teacher, capacity, fee, ages, enrollment window.
 */
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { center as schemas } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { showFieldErrors, zodRule } from '../../../components/forms';
import type { Course, Theme } from '../common';
import { ThemeSelect } from '../components';
import { useSaveCourse, useVenues } from '../data';

interface Values {
  name: string;
  kind: Course['kind'];
  term: string;
  teacherName?: string;
  theme?: Theme;
  venueId?: string;
  capacity: number;
  feeYuan: number;
  minAge?: number | null;
  maxAge?: number | null;
  requiredTags: string[];
  enrollmentWindow: [Dayjs, Dayjs | null];
  dates: [Dayjs, Dayjs];
  weekdays: number[];
  times: [Dayjs, Dayjs];
  description?: string;
}

const rule = schemas.CreateCourseBody.shape;

export function CourseFormModal({ course, centerId, onClose }: { course?: Course; centerId: string; onClose: () => void }) {
  const { t } = useTranslation('center');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCourse();
  const venues = useVenues({ centerId, status: 'active', limit: 100 });
  const [error, setError] = useState<string | null>(null);
  const editing = !!course;

  const submit = async (v: Values) => {
    setError(null);
    const common = {
      name: v.name,
      teacherName: v.teacherName?.trim() || null,
      theme: v.theme ?? null,
      capacity: v.capacity,
      feeFen: Math.round((v.feeYuan ?? 0) * 100),
      minAge: v.minAge ?? null,
      maxAge: v.maxAge ?? null,
      requiredTags: v.requiredTags ?? [],
      enrollmentOpensAt: v.enrollmentWindow[0].toISOString(),
      enrollmentClosesAt: v.enrollmentWindow[1]?.toISOString() ?? null,
      description: v.description?.trim() || null,
    };
    try {
      const saved = editing
        ? await save.mutateAsync({ id: course.id, version: course.version, ...common })
        : await save.mutateAsync({
            ...common,
            centerId,
            kind: v.kind,
            term: v.term,
            venueId: v.venueId ?? null,
            startsOn: v.dates[0].format('YYYY-MM-DD'),
            endsOn: v.dates[1].format('YYYY-MM-DD'),
            weekdays: [...v.weekdays].sort(),
            startTime: v.times[0].format('HH:mm'),
            endTime: v.times[1].format('HH:mm'),
          });
      message.success(t(editing ? 'course.updated' : 'course.created', { name: saved.name }));
      onClose();
    } catch (err) {
      if (!showFieldErrors(form, err, tc)) setError(isApiError(err) ? err.message : String(err));
    }
  };

  const initial: Partial<Values> = course
    ? {
        name: course.name,
        kind: course.kind,
        term: course.term,
        teacherName: course.teacherName ?? undefined,
        theme: course.theme ?? undefined,
        venueId: course.venueId ?? undefined,
        capacity: course.capacity,
        feeYuan: course.feeFen / 100,
        minAge: course.minAge,
        maxAge: course.maxAge,
        requiredTags: course.requiredTags,
        enrollmentWindow: [dayjs(course.enrollmentOpensAt), course.enrollmentClosesAt ? dayjs(course.enrollmentClosesAt) : null],
        dates: [dayjs(course.startsOn), dayjs(course.endsOn)],
        weekdays: course.weekdays,
        times: [dayjs(course.startTime, 'HH:mm'), dayjs(course.endTime, 'HH:mm')],
        description: course.description ?? undefined,
      }
    : { kind: 'senior_college', capacity: 30, feeYuan: 0, requiredTags: [], weekdays: [1], enrollmentWindow: [dayjs().startOf('hour'), null], times: [dayjs('09:00', 'HH:mm'), dayjs('10:30', 'HH:mm')] };
  const required = { required: true, message: tc('fieldErrors.required') };

  return (
    <Modal open title={t(editing ? 'course.edit' : 'course.create')} onCancel={onClose} onOk={() => form.submit()} okText={tc('common.save')} cancelText={tc('common.cancel')} confirmLoading={save.isPending} destroyOnHidden width={760} okButtonProps={{ 'data-testid': 'course-submit' } as Record<string, string>}>
      {error && <Alert type="error" showIcon message={error} className="form-alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <div className="form-row">
          <Form.Item name="name" label={t('course.name')} rules={[required, zodRule(rule.name, tc)]}>
            <Input maxLength={50} data-testid="course-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('course.kind')} rules={[required]}>
            <Select disabled={editing} options={(['senior_college', 'after_school'] as const).map((k) => ({ value: k, label: t(`courseKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="term" label={t('course.term')} rules={[required, zodRule(rule.term, tc)]}>
            <Input disabled={editing} maxLength={30} placeholder={t('course.termPlaceholder')} data-testid="course-term" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="teacherName" label={t('course.teacher')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="theme" label={t('course.theme')}>
            <ThemeSelect allowClear />
          </Form.Item>
          <Form.Item name="venueId" label={t('course.venue')}>
            <Select allowClear disabled={editing} options={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: t('course.venueOption', { name: v.name, capacity: v.capacity }) }))} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="capacity" label={t('course.capacity')} rules={[required, zodRule(rule.capacity, tc)]}>
            <InputNumber min={1} max={5000} className="full-width" data-testid="course-capacity" />
          </Form.Item>
          <Form.Item name="feeYuan" label={t('course.feeYuan')} rules={[{ type: 'number', min: 0, message: t('course.feeNegative') }]}>
            <InputNumber min={0} step={10} precision={2} className="full-width" />
          </Form.Item>
          <Form.Item name="minAge" label={t('course.minAge')}>
            <InputNumber min={0} max={120} className="full-width" />
          </Form.Item>
          <Form.Item name="maxAge" label={t('course.maxAge')}>
            <InputNumber min={0} max={120} className="full-width" />
          </Form.Item>
        </div>
        <Form.Item name="requiredTags" label={t('course.requiredTags')} extra={t('course.requiredTagsHint')}>
          <Select mode="tags" tokenSeparators={[',', '，']} />
        </Form.Item>
        <Form.Item name="enrollmentWindow" label={t('course.enrollmentWindow')} rules={[required]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[false, true]} className="full-width" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="dates" label={t('course.dates')} rules={[required]}>
            <DatePicker.RangePicker disabled={editing} className="full-width" data-testid="course-dates" />
          </Form.Item>
          <Form.Item name="times" label={t('course.times')} rules={[required]}>
            <TimePicker.RangePicker disabled={editing} format="HH:mm" minuteStep={5} className="full-width" />
          </Form.Item>
        </div>
        <Form.Item name="weekdays" label={t('course.weekdays')} rules={[required]}>
          <Checkbox.Group disabled={editing} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekdays.${d}` as 'weekdays.1') }))} />
        </Form.Item>
        <Form.Item name="description" label={t('course.description')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
