/**
 * The organizer's phone during an activity: a rotating QR code (fetched anew every 20 s; each
 * lives 60 s) that volunteers scan to check in or out, its 6 digits for typing, and the list to
 * check someone in by hand.
 */
import { Button, List, NoticeBar, Tabs, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { scanUrl, useQrImage, useSecondsLeft } from '../../../admin/modules/volunteers/common';
import { useAttendance, useAttendanceCode, useSignups } from '../../../admin/modules/volunteers/data';
import { Loading, VolunteerPage } from './common';
import { useActivity } from './data';

export default function OrganizeQrPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('volunteers');
  const activity = useActivity(id);
  const [purpose, setPurpose] = useState<'check_in' | 'check_out'>('check_in');
  const code = useAttendanceCode(id, purpose);
  const image = useQrImage(code.data ? scanUrl(code.data.token) : undefined, 300);
  const left = useSecondsLeft(code.data?.expiresAt);
  const signups = useSignups(id);
  const mark = useAttendance();
  const live = (signups.data ?? []).filter((s) => s.status === 'signed_up');

  return (
    <VolunteerPage title={activity.data?.title ?? t('tiles.volunteerOrganize.title')} back="/volunteers/organize" testId="organize-qr">
      <Tabs activeKey={purpose} onChange={(k) => setPurpose(k as 'check_in' | 'check_out')} className="v-tabs">
        <Tabs.Tab title={t('attendance.checkIn')} key="check_in" />
        <Tabs.Tab title={t('attendance.checkOut')} key="check_out" />
      </Tabs>
      {code.isError ? (
        <NoticeBar color="alert" wrap content={isApiError(code.error) ? code.error.message : String(code.error)} />
      ) : (
        <section className="r-card v-qr">
          {image ? <img src={image} alt={t('attendance.qrAlt')} className="v-qr-image" data-testid="organizer-qr" /> : <Loading />}
          <div className="v-qr-digits" data-testid="organizer-digits">{code.data?.shortCode ?? '······'}</div>
          <p className="r-line">{t('attendance.qrHint', { seconds: left })}</p>
        </section>
      )}
      <section className="r-card">
        <h2 className="r-card-title">{t('app.attendanceList', { checkedIn: live.filter((s) => s.checkedInAt).length, total: live.length })}</h2>
        {mark.isError && <NoticeBar color="alert" wrap content={isApiError(mark.error) ? mark.error.message : String(mark.error)} />}
        <List>
          {live.map((s) => (
            <List.Item
              key={s.id}
              extra={
                !s.checkedInAt ? (
                  <Button size="small" color="primary" fill="outline" onClick={() => mark.mutate({ signupId: s.id, action: 'check-in' })}>{t('attendance.checkIn')}</Button>
                ) : !s.checkedOutAt ? (
                  <Button size="small" fill="outline" onClick={() => mark.mutate({ signupId: s.id, action: 'check-out' })}>{t('attendance.checkOut')}</Button>
                ) : (
                  <Tag color="success">{t('common.hours', { hours: s.recordedHours ?? 0 })}</Tag>
                )
              }
            >
              {s.volunteerName}
            </List.Item>
          ))}
        </List>
      </section>
    </VolunteerPage>
  );
}
