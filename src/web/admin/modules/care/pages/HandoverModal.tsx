/** 登记发放: one household's consolation handover — gift and/or money, a photo or signed receipt as proof, who delivered it. */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Typography, Upload, type UploadFile } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../components/forms';
import { useCareT } from '../components';
import { careApi, useCareMutation } from '../data';
import { yuan, type ConsolationView, type TargetView } from '../types';

const uploadedId = (f: UploadFile | undefined) => (f?.response as { id?: string } | undefined)?.id;

export function HandoverModal({ campaign, target, onClose }: { campaign: ConsolationView; target: TargetView | null; onClose: () => void }) {
  const t = useCareT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [signatures, setSignatures] = useState<UploadFile[]>([]);
  const save = useCareMutation((body: Record<string, unknown>) => careApi.handover(campaign.id, body));
  const submit = async () => {
    const v = await form.validateFields();
    const photoId = uploadedId(photos[0]);
    const signatureId = uploadedId(signatures[0]);
    if (!photoId && !signatureId) return void message.warning(t('consolations.proofRequired'));
    const gift = typeof v.gift === 'string' && v.gift.trim() ? v.gift.trim() : undefined;
    const amountFen = v.amountYuan ? Math.round(v.amountYuan * 100) : undefined;
    if (!gift && !amountFen) return void form.setFields([{ name: 'amountYuan', errors: [t('consolations.giftOrAmount')] }]);
    save.mutate(
      {
        householdId: target!.householdId,
        ...(gift ? { gift } : {}),
        ...(amountFen ? { amountFen } : {}),
        ...(photoId ? { photoId } : {}),
        ...(signatureId ? { signatureId } : {}),
        ...(v.deliveredAt ? { deliveredAt: v.deliveredAt.toISOString() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      {
        onSuccess: () => (message.success(t('resident.handedOver')), onClose()),
        onError: (e) => showFieldErrors(form, e, tc as TFunction) || message.error(e.message),
      },
    );
  };
  const uploadProps = { action: '/api/v1/uploads', accept: 'image/jpeg,image/png,image/webp', listType: 'picture' as const, maxCount: 1, withCredentials: true };
  return (
    <Modal open={!!target} onCancel={onClose} onOk={submit} okText={t('resident.submitHandover')} cancelText={t('common.cancel')} confirmLoading={save.isPending} title={`${t('consolations.handover')} · ${target?.headName ?? ''}`} destroyOnHidden afterClose={() => (setPhotos([]), setSignatures([]))}>
      <Typography.Paragraph type="secondary">{target?.address}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ gift: campaign.giftDescription ?? undefined, amountYuan: campaign.defaultAmountFen ? campaign.defaultAmountFen / 100 : undefined }}>
        <Form.Item name="gift" label={t('consolations.gift')}>
          <Input maxLength={200} data-testid="handover-gift" />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('resident.amount')} extra={t('consolations.maxAmountHint', { amount: yuan(campaign.maxAmountFen) })}>
          <InputNumber min={0.01} max={campaign.maxAmountFen / 100} precision={2} prefix="¥" className="care-full" data-testid="handover-amount" />
        </Form.Item>
        <Form.Item label={t('consolations.photo')}>
          <Upload {...uploadProps} fileList={photos} onChange={({ fileList }) => setPhotos(fileList)}>
            <Button icon={<UploadOutlined />}>{t('resident.takePhoto')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item label={t('consolations.signature')}>
          <Upload {...uploadProps} fileList={signatures} onChange={({ fileList }) => setSignatures(fileList)}>
            <Button icon={<UploadOutlined />}>{t('consolations.uploadSignature')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="deliveredAt" label={t('consolations.deliveredAt')}>
          <DatePicker showTime className="care-full" />
        </Form.Item>
        <Form.Item name="note" label={t('consolations.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
