/**
 * 我的数据 (PIPL right of access): what the community holds about me — shown masked here, full in
 * the download — who looked at it, what I have agreed to, my correction requests, and the
 * children I am the recorded guardian of.
 */
import { Button, DotLoading, ErrorBlock, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { lookup, useLabels } from '../../../shared/labels';
import { useDownloadMyData, useMyData, useWards, type MyData } from './data';
import './security.css';

const statusColor = { pending: 'warning', resolved: 'success', rejected: 'default' } as const;

export default function PrivacyPage() {
  const { t } = useTranslation('security');
  const navigate = useNavigate();
  const data = useMyData();
  const wards = useWards();
  const download = useDownloadMyData();

  const onDownload = () =>
    download.mutate(undefined, {
      onSuccess: () => Toast.show({ icon: 'success', content: t('resident.downloaded') }),
      onError: (e) => Toast.show({ icon: 'fail', content: e.message }),
    });

  return (
    <div className="r-page sr-page">
      <NavBar className="sr-navbar" onBack={() => void navigate('/')}>
        {t('resident.myData')}
      </NavBar>
      <p className="sr-intro">{t('resident.intro')}</p>
      {data.isPending ? (
        <div className="r-center-block">
          <DotLoading color="primary" />
        </div>
      ) : data.isError ? (
        <ErrorBlock status="default" title={t('resident.loadFailed')} description={data.error.message} />
      ) : (
        <>
          <RecordCard data={data.data} />
          <div className="r-actions">
            <Button block size="large" color="primary" className="r-big-button" loading={download.isPending} onClick={onDownload} data-testid="privacy-download">
              {t('resident.download')}
            </Button>
            <p className="sr-note">{t('resident.downloadHint')}</p>
          </div>

          <List mode="card" className="r-list" header={t('resident.manage')}>
            <List.Item onClick={() => void navigate('/privacy/consents')} description={t('resident.consentsHint')} data-testid="privacy-consents-link">
              {t('resident.consents')}
            </List.Item>
            <List.Item onClick={() => void navigate('/privacy/correction')} description={t('resident.correctHint')} data-testid="privacy-correct-link">
              {t('resident.correct')}
            </List.Item>
            <List.Item onClick={() => void navigate('/account-security')} description={t('resident.mfaHint')}>
              {t('resident.mfa')}
            </List.Item>
          </List>

          <List mode="card" className="r-list" header={t('resident.myRequests')} data-testid="privacy-requests">
            {data.data.correctionRequests.length === 0 ? (
              <List.Item>
                <span className="sr-muted">{t('resident.noRequests')}</span>
              </List.Item>
            ) : (
              data.data.correctionRequests.map((r) => (
                <List.Item
                  key={r.id}
                  description={
                    <>
                      {r.value && <div>{t('resident.requestedValue', { value: r.value })}</div>}
                      {r.responseNote && <div>{t('resident.reply', { note: r.responseNote })}</div>}
                      <div className="r-msg-time">{formatDateTime(r.createdAt)}</div>
                    </>
                  }
                  extra={
                    <Tag color={statusColor[r.status]} fill="outline" className="sr-tag">
                      {t(`requests.statuses.${r.status}`)}
                    </Tag>
                  }
                >
                  {t(`requests.kinds.${r.kind}`)} · {t(`fields.${r.field}`)}
                </List.Item>
              ))
            )}
          </List>

          {(wards.data?.length ?? 0) > 0 && (
            <List mode="card" className="r-list" header={t('resident.wards')} data-testid="privacy-wards">
              {wards.data!.map((w) => (
                <List.Item key={w.residentId} onClick={() => void navigate(`/privacy/consents?residentId=${w.residentId}`)} description={t('resident.wardHint', { relation: w.relation })}>
                  {w.name}
                </List.Item>
              ))}
            </List>
          )}
          {data.data.guardians.length > 0 && (
            <List mode="card" className="r-list" header={t('resident.guardians')}>
              {data.data.guardians.map((g, i) => (
                <List.Item key={i} extra={g.relation}>
                  {g.name}
                </List.Item>
              ))}
            </List>
          )}

          <AccessLog data={data.data} />
        </>
      )}
    </div>
  );
}

function RecordCard({ data }: { data: MyData }) {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const r = data.resident;
  const row = (label: string, value: string | null | undefined, testId?: string) => (
    <div className="sr-row" key={label}>
      <span className="sr-label">{label}</span>
      <span className="sr-value" data-testid={testId}>
        {value || '—'}
      </span>
    </div>
  );
  return (
    <section className="r-card sr-record" data-testid="privacy-record">
      <div className="r-card-title">{t('resident.record')}</div>
      {r ? (
        <>
          {row(t('fields.name'), r.name, 'privacy-name')}
          {row(t('fields.gender'), lookup(tc, `security:resident.genders.${r.gender}`, r.gender))}
          {row(t('fields.birthDate'), r.birthDate)}
          {row(t('fields.idNumber'), r.idNumber)}
          {row(t('fields.phone'), r.phone)}
          {row(t('fields.address'), r.address)}
          {row(t('resident.community'), r.community)}
          {row(t('fields.household'), r.relationToHead && lookup(tc, `security:resident.relations.${r.relationToHead}`, r.relationToHead))}
          {r.tags.length > 0 && row(t('fields.tags'), r.tags.map((tag) => lookup(tc, `security:resident.tags.${tag}`, tag)).join('、'))}
        </>
      ) : (
        <p className="sr-muted">{t('resident.noRecord')}</p>
      )}
      <div className="sr-sep" />
      {row(t('resident.username'), data.account.username)}
      {row(t('resident.accountSince'), formatDateTime(data.account.createdAt))}
      {row(t('resident.mfa'), data.account.mfaEnabled ? t('resident.on') : t('resident.off'))}
    </section>
  );
}

function AccessLog({ data }: { data: MyData }) {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const entries = data.accessLog.slice(0, 10);
  return (
    <List mode="card" className="r-list" header={t('resident.accessLog')}>
      {entries.length === 0 ? (
        <List.Item>
          <span className="sr-muted">{t('resident.noAccess')}</span>
        </List.Item>
      ) : (
        entries.map((a, i) => (
          <List.Item key={i} description={formatDateTime(a.at)}>
            {a.actor ?? t('resident.system')} · {lookup(tc, `security:resident.actions.${a.action}`, labels.auditAction(a.action))}
          </List.Item>
        ))
      )}
    </List>
  );
}
