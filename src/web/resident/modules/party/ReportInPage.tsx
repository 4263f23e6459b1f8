/**
 * 在职党员报到: the in-service member reports to the community where they live. The building they
 * live in is filled in from their resident record, and its 楼栋党小组 is suggested; then the
 * secretary approves or returns it. Earlier report-ins and their outcome are shown on top.
 */
import { Button, DatePicker, DotLoading, ErrorBlock, Form, Input, Picker, Result, Selector, Tag, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api';
import { PartyPage } from './components';
import { usePartyWrite, useReportInOptions, type ReportIn } from './data';

interface Values {
  workplace: string;
  partyStatus: ('full' | 'probationary')[];
  joinedOn: Date;
  phone?: string;
}

const statusColor = { pending: 'primary', approved: 'success', returned: 'warning' } as const;

export default function ReportInPage() {
  const { t } = useTranslation('party');
  const options = useReportInOptions();
  const [form] = Form.useForm<Values>();
  const [buildingId, setBuildingId] = useState<string | null | undefined>(undefined);
  const [pickBuilding, setPickBuilding] = useState(false);
  const [pickDate, setPickDate] = useState(false);
  const submit = usePartyWrite((body: object) => api.post<ReportIn>('/report-ins', body));
  const o = options.data;
  const building = buildingId === undefined ? o?.myBuildingId : buildingId;
  const chosen = o?.buildings.find((b) => b.id === building);
  const open = o?.reportIns.find((r) => r.status !== 'returned');

  const onFinish = (v: Values) =>
    submit.mutate(
      { communityId: o!.communityId, buildingId: building ?? null, workplace: v.workplace, partyStatus: v.partyStatus[0] ?? 'full', joinedOn: dayjs(v.joinedOn).format('YYYY-MM-DD'), phone: v.phone || null },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('app.reportInSent') }),
        onError: (err) => {
          const issue = isApiError(err) ? err.fieldIssues[0] : undefined;
          Toast.show({ icon: 'fail', content: issue?.message ?? (isApiError(err) ? err.message : String(err)) });
        },
      },
    );

  return (
    <PartyPage title={t('app.reportIn')} testId="report-in">
      {options.isPending ? <div className="r-center-block"><DotLoading color="primary" /></div> : options.isError ? <ErrorBlock status="default" description={options.error.message} /> : (
        <>
          {o!.reportIns.map((r) => (
            <section key={r.id} className="r-card" data-testid="my-report-in">
              <div className="p-row">
                <div>
                  <div className="p-row-title">{r.communityName}</div>
                  <div className="p-row-sub">{r.workplace} · {r.buildingName ?? '—'}</div>
                  <div className="p-row-sub">{dayjs(r.createdAt).format('YYYY-MM-DD')}</div>
                </div>
                <Tag className="p-tag" color={statusColor[r.status]}>{t(`reportInStatus.${r.status}`)}</Tag>
              </div>
              {r.status === 'approved' && r.suggestedOrgName && <p className="r-line">{t('app.inGroup', { org: r.suggestedOrgName })}</p>}
              {r.reason && <p className="r-line p-returned">{t('app.returnReason', { reason: r.reason })}</p>}
            </section>
          ))}
          {o!.alreadyMember ? (
            <Result status="success" title={t('app.alreadyMember', { community: o!.communityName })} />
          ) : open ? (
            <Result status="waiting" title={t('app.waiting')} description={t('app.waitingHint')} />
          ) : (
            <section className="r-card">
              <h2 className="r-card-title">{t('app.reportTo', { community: o!.communityName })}</h2>
              <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ partyStatus: ['full'] }}
                footer={<Button block type="submit" color="primary" size="large" className="p-big-button" loading={submit.isPending} data-testid="report-in-submit">{t('app.submitReportIn')}</Button>}>
                <Form.Item label={t('app.building')} onClick={() => setPickBuilding(true)} extra={chosen?.orgName ? t('app.suggestedGroup', { org: chosen.orgName }) : undefined} data-testid="building-field">
                  <span className={chosen ? '' : 'p-placeholder'}>{chosen ? `${chosen.estateName} ${chosen.name}` : t('app.pickBuilding')}</span>
                </Form.Item>
                <Form.Item name="workplace" label={t('app.workplace')} rules={[{ required: true, message: t('common.required') }]}>
                  <Input placeholder={t('app.workplacePlaceholder')} maxLength={100} clearable data-testid="workplace" />
                </Form.Item>
                <Form.Item name="partyStatus" label={t('app.partyStatus')}>
                  <Selector columns={2} options={(['full', 'probationary'] as const).map((k) => ({ value: k, label: t(`status.${k}`) }))} />
                </Form.Item>
                <Form.Item name="joinedOn" label={t('app.joinedOn')} rules={[{ required: true, message: t('common.required') }]} onClick={() => setPickDate(true)} data-testid="joined-on">
                  <DatePicker visible={pickDate} onClose={() => setPickDate(false)} min={new Date(1940, 0, 1)} max={new Date()} confirmText={t('app.ok')} cancelText={t('app.cancel')}>
                    {(value) => (value ? dayjs(value).format('YYYY-MM-DD') : <span className="p-placeholder">{t('app.pickDate')}</span>)}
                  </DatePicker>
                </Form.Item>
                <Form.Item name="phone" label={t('app.phone')}>
                  <Input type="tel" maxLength={20} clearable />
                </Form.Item>
              </Form>
              <Picker
                visible={pickBuilding}
                onClose={() => setPickBuilding(false)}
                columns={[o!.buildings.map((b) => ({ value: b.id, label: `${b.estateName} ${b.name}` }))]}
                value={building ? [building] : []}
                onConfirm={(v) => setBuildingId((v[0] as string | undefined) ?? null)}
                confirmText={t('app.ok')}
                cancelText={t('app.cancel')}
              />
            </section>
          )}
        </>
      )}
    </PartyPage>
  );
}
