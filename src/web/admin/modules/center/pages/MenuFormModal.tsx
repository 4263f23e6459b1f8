/** 发布菜单: one sitting of a day — dishes, price and dine-in seats (default: the canteen's seats). */
import { Alert, App, DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api';
import { showFieldErrors } from '../../../components/forms';
import { meals, type Canteen } from '../common';
import { useCreateMenu } from '../data';

interface Values {
  servedOn: Dayjs;
  meal: (typeof meals)[number];
  dishes: string[];
  priceYuan: number;
  seats?: number;
}

export function MenuFormModal({ canteen, day, onClose }: { canteen: Canteen; day: string; onClose: () => void }) {
  const { t } = useTranslation('center');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMenu();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setError(null);
    try {
      await create.mutateAsync({ canteenId: canteen.id, servedOn: v.servedOn.format('YYYY-MM-DD'), meal: v.meal, dishes: v.dishes, priceFen: Math.round(v.priceYuan * 100), seats: v.seats ?? undefined });
      message.success(t('canteen.menuCreated'));
      onClose();
    } catch (err) {
      if (!showFieldErrors(form, err, tc)) setError(isApiError(err) ? err.message : String(err));
    }
  };
  const required = { required: true, message: tc('fieldErrors.required') };
  return (
    <Modal open title={t('canteen.addMenu')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} className="form-alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ servedOn: dayjs(day), meal: 'lunch', dishes: [], seats: canteen.seatsPerSitting }}>
        <div className="form-row">
          <Form.Item name="servedOn" label={t('canteen.servedOn')} rules={[required]}>
            <DatePicker allowClear={false} className="full-width" />
          </Form.Item>
          <Form.Item name="meal" label={t('order.meal')} rules={[required]}>
            <Select options={meals.map((m) => ({ value: m, label: t(`meals.${m}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="dishes" label={t('canteen.dishes')} rules={[{ required: true, type: 'array', min: 1, message: tc('fieldErrors.required') }]} extra={t('canteen.dishesHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="priceYuan" label={t('canteen.price')} rules={[required]}>
            <InputNumber min={0} step={1} precision={2} addonBefore="¥" className="full-width" />
          </Form.Item>
          <Form.Item name="seats" label={t('canteen.seats')}>
            <InputNumber min={1} max={2000} className="full-width" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
