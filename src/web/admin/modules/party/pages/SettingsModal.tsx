/** 微党课与积分设置: the weekly slot, the check-in window and reminder, and the points per unit of each activity. */
import { Form, InputNumber, Select, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../FormModal';
import { patch, usePartyMutation, useSettings } from '../data';

interface Values {
  lectureWeekday: number;
  lectureTime: Dayjs;
  checkinOpensMinutes: number;
  checkinClosesMinutes: number;
  reminderMinutes: number;
  rules: Record<string, number>;
}

export function SettingsModal({ communityId, onClose }: { communityId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('party');
  const lt = t as unknown as (key: string) => string;
  const settings = useSettings(communityId);
  const save = usePartyMutation(patch('/party-settings'));
  const s = settings.data;
  if (!s) return null;
  return (
    <FormModal<Values>
      title={t('settings.title')}
      onClose={onClose}
      testId="settings-form"
      initialValues={{ ...s, lectureTime: dayjs(`2000-01-01T${s.lectureTime}`), rules: Object.fromEntries(s.pointRules.map((r) => [r.source, r.pointsPerUnit])) }}
      onSubmit={({ rules, lectureTime, ...v }) =>
        save.mutateAsync({ communityId, version: s.version, ...v, lectureTime: lectureTime.format('HH:mm'), pointRules: Object.entries(rules).map(([source, pointsPerUnit]) => ({ source, pointsPerUnit })) })
      }
    >
      <div className="party-form-grid">
        <Form.Item name="lectureWeekday" label={t('settings.weekday')}>
          <Select options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: lt(`settings.weekdays.${d}`) }))} />
        </Form.Item>
        <Form.Item name="lectureTime" label={t('settings.time')}><TimePicker format="HH:mm" minuteStep={5} className="full-width" /></Form.Item>
        <Form.Item name="checkinOpensMinutes" label={t('settings.opens')}><InputNumber min={0} max={240} suffix={t('settings.minutes')} /></Form.Item>
        <Form.Item name="checkinClosesMinutes" label={t('settings.closes')}><InputNumber min={1} max={240} suffix={t('settings.minutes')} /></Form.Item>
        <Form.Item name="reminderMinutes" label={t('settings.reminder')}><InputNumber min={5} max={2880} suffix={t('settings.minutes')} /></Form.Item>
      </div>
      <Typography.Title level={5}>{t('settings.points')}</Typography.Title>
      <div className="party-form-grid">
        {s.pointRules.map((r) => (
          <Form.Item key={r.source} name={['rules', r.source]} label={lt(`pointSources.${r.source}`)}>
            <InputNumber min={0} max={1000} step={0.5} suffix={lt(`pointUnits.${r.source}`)} />
          </Form.Item>
        ))}
      </div>
    </FormModal>
  );
}
