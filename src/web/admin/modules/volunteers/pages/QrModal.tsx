/** The rotating check-in / check-out code on a big screen: QR (a link into the resident app) and 6 digits. */
import { Modal, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scanUrl, useQrImage, useSecondsLeft, type Activity } from '../common';
import { useAttendanceCode } from '../data';

export function QrModal({ activity, onClose }: { activity: Activity; onClose: () => void }) {
  const { t } = useTranslation('volunteers');
  const [purpose, setPurpose] = useState<'check_in' | 'check_out'>('check_in');
  const code = useAttendanceCode(activity.id, purpose);
  const image = useQrImage(code.data ? scanUrl(code.data.token) : undefined, 360);
  const left = useSecondsLeft(code.data?.expiresAt);
  return (
    <Modal open footer={null} onCancel={onClose} width={480} title={activity.title} destroyOnHidden>
      <Space direction="vertical" align="center" className="full-width vol-qr">
        <Segmented value={purpose} onChange={setPurpose} options={[{ value: 'check_in', label: t('attendance.checkIn') }, { value: 'check_out', label: t('attendance.checkOut') }]} />
        {image ? <img src={image} alt={t('attendance.qrAlt')} className="vol-qr-image" data-testid="qr-image" /> : <div className="vol-qr-image" />}
        <Typography.Text className="vol-qr-digits" data-testid="qr-digits">{code.data?.shortCode ?? '······'}</Typography.Text>
        <Typography.Text type="secondary">{t('attendance.qrHint', { seconds: left })}</Typography.Text>
      </Space>
    </Modal>
  );
}
