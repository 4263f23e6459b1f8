/**
 * 扫码签到: opened by the phone's camera from the organizer's QR code (the code is in the link), or
 * from the app — take a photo of the code, or type the 6 digits. The server decides whether the
 * code is fresh, genuine and this activity's.
 */
import { CameraOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { Button, NoticeBar } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import type { Signup } from '../../../admin/modules/volunteers/common';
import { isRunning, VolunteerPage, when } from './common';
import { CodeEntry } from './CodeEntry';
import { canDecodePhotos, decodeQrPhoto, readToken, useMySignups, useScan } from './data';

export default function ScanPage() {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const scan = useScan();
  const file = useRef<HTMLInputElement>(null);
  const [done, setDone] = useState<{ signup: Signup; purpose: 'check_in' | 'check_out' } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const activityId = params.get('activity') ?? undefined;
  const linkCode = params.get('code');
  const upcoming = useMySignups('upcoming', !linkCode && !activityId);
  const running = (upcoming.data?.items ?? []).filter((s) => s.status === 'signed_up' && isRunning(s));
  const submitted = useRef(false);

  const submit = (text: string) => {
    setProblem(null);
    const read = readToken(text);
    if (!read) return setProblem(t('app.notOurCode'));
    const purpose = read.purpose;
    scan.mutate({ activityId: activityId ?? read.activityId, purpose, code: read.token }, { onSuccess: (signup) => setDone({ signup, purpose }) });
  };

  useEffect(() => {
    if (linkCode && !submitted.current) {
      submitted.current = true;
      submit(linkCode);
    }
    // Submit the code from the link once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linkCode]);

  const onPhoto = async (f: File | undefined) => {
    if (!f) return;
    try {
      const text = await decodeQrPhoto(f);
      if (text) submit(text);
      else setProblem(t('app.noCodeInPhoto'));
    } catch {
      setProblem(t('app.noCodeInPhoto'));
    }
  };

  return (
    <VolunteerPage title={t('app.scan')} testId="volunteer-scan">
      {done ? (
        <section className="r-card v-done" data-testid="scan-done">
          <CheckCircleOutlined className="v-done-icon" />
          <h2 className="r-card-title">{done.purpose === 'check_in' ? t('app.checkedIn') : t('app.checkedOut')}</h2>
          <p className="r-line">{done.signup.activityTitle}</p>
          {done.purpose === 'check_out' && <p className="r-line">{t('app.recordedHours', { hours: done.signup.recordedHours ?? 0 })}</p>}
          <Button block color="primary" size="large" className="r-big-button" onClick={() => void navigate(`/volunteers/activities/${done.signup.activityId}`)}>
            {t('app.backToActivity')}
          </Button>
        </section>
      ) : (
        <>
          {(scan.isError || problem) && <NoticeBar color="alert" wrap content={problem ?? (isApiError(scan.error) ? scan.error.message : String(scan.error))} data-testid="scan-error" />}
          <section className="r-card">
            <h2 className="r-card-title">{t('app.scanTitle')}</h2>
            <p className="r-line">{t('app.scanHint')}</p>
            <input ref={file} type="file" accept="image/*" capture="environment" className="v-hidden" onChange={(e) => void onPhoto(e.target.files?.[0])} data-testid="scan-photo" />
            <Button block color="primary" size="large" className="r-big-button" loading={scan.isPending} onClick={() => file.current?.click()} disabled={!canDecodePhotos()}>
              <CameraOutlined /> {t('app.takePhoto')}
            </Button>
            {!canDecodePhotos() && <p className="r-line v-hint">{t('app.cameraFallback')}</p>}
          </section>
          {activityId ? (
            <section className="r-card">
              <h2 className="r-card-title">{t('app.typeTitle')}</h2>
              <CodeEntryDigits activityId={activityId} />
            </section>
          ) : (
            <section className="r-card">
              <h2 className="r-card-title">{t('app.typeTitle')}</h2>
              {running.length === 0 ? (
                <p className="r-line">{t('app.nothingRunning')}</p>
              ) : (
                running.map((s) => (
                  <button key={s.id} type="button" className="v-row" onClick={() => void navigate(`/volunteers/activities/${s.activityId}`)}>
                    <span className="v-row-title">{s.activityTitle}</span>
                    <span className="v-row-sub">{when(s.startsAt, s.endsAt)}</span>
                  </button>
                ))
              )}
            </section>
          )}
        </>
      )}
    </VolunteerPage>
  );
}

/** The typed-code half of CodeEntry, for the activity this scan page was opened for. */
function CodeEntryDigits({ activityId }: { activityId: string }) {
  const mine = useMySignups('upcoming');
  const s = mine.data?.items.find((x) => x.activityId === activityId);
  if (!s) return null;
  return <CodeEntry activityId={activityId} purpose={s.checkedInAt ? 'check_out' : 'check_in'} showScan={false} />;
}
