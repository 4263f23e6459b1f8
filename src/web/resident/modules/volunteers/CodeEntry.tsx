/** Check in or out at an activity: scan the organizer's QR code, or type its 6 digits. */
import { Button, Input, NoticeBar } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { useScan } from './data';

export function CodeEntry({ activityId, purpose, showScan = true }: { activityId: string; purpose: 'check_in' | 'check_out'; showScan?: boolean }) {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const scan = useScan();
  const [digits, setDigits] = useState('');
  const label = purpose === 'check_in' ? t('attendance.checkIn') : t('attendance.checkOut');
  return (
    <div className="v-code" data-testid="code-entry">
      {showScan && (
        <>
          <Button block color="primary" size="large" className="r-big-button" onClick={() => void navigate(`/volunteers/scan?activity=${activityId}`)} data-testid="scan-button">
            {t('app.scanTo', { action: label })}
          </Button>
          <p className="r-line v-hint">{t('app.orType')}</p>
        </>
      )}
      <div className="v-code-row">
        <Input className="v-code-input" inputMode="numeric" maxLength={6} placeholder="000000" value={digits} onChange={(v) => setDigits(v.replace(/\D/g, ''))} data-testid="code-input" aria-label={t('app.codeLabel')} />
        <Button color="primary" fill="outline" size="large" disabled={digits.length !== 6} loading={scan.isPending} onClick={() => scan.mutate({ activityId, purpose, code: digits }, { onSuccess: () => setDigits('') })} data-testid="code-submit">
          {label}
        </Button>
      </div>
      {scan.isError && <NoticeBar color="alert" wrap content={isApiError(scan.error) ? scan.error.message : String(scan.error)} data-testid="code-error" />}
    </div>
  );
}
