/** One volunteer: who they are, where they serve, their confirmed hours and stars, and certificates. */
import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { Stars, StatusTag } from '../components';
import { useCertificates, useIssueCertificate, useVolunteer } from '../data';

export function VolunteerDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('volunteers');
  const { message } = App.useApp();
  const v = useVolunteer(id);
  const certs = useCertificates(id);
  const issue = useIssueCertificate();
  const d = v.data;
  const tags = (keys: string[], prefix: 'skills' | 'availability' | 'categories') => (keys.length ? keys.map((k) => <Tag key={k} bordered={false}>{t(`${prefix}.${k}` as 'skills.first_aid')}</Tag>) : '—');

  return (
    <Drawer open width={560} title={d ? d.name : ''} onClose={onClose} loading={v.isPending} data-testid="volunteer-drawer">
      {d && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('fields.status')}>
              <StatusTag status={d.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.stars')}>
              <Stars level={d.starLevel} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.hours')}>{t('common.hours', { hours: d.confirmedHours })}</Descriptions.Item>
            <Descriptions.Item label={t('fields.activityCount')}>{d.activityCount}</Descriptions.Item>
            <Descriptions.Item label={t('fields.community')}>{d.communityName}</Descriptions.Item>
            <Descriptions.Item label={t('fields.origin')}>{t(`origins.${d.origin}`)}{d.partnerUnitName ? ` · ${d.partnerUnitName}` : ''}</Descriptions.Item>
            <Descriptions.Item label={t('fields.gender')}>{d.gender ? t(`genders.${d.gender}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.age')}>{d.age ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.phone')}>{d.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.resident')}>{d.residentId ? t('common.linked') : t('common.notLinked')}</Descriptions.Item>
            <Descriptions.Item label={t('fields.teams')} span={2}>
              {d.teams.length ? d.teams.map((x) => <Tag key={x.id} bordered={false}>{x.name}{x.role === 'leader' ? ` · ${t('teamRoles.leader')}` : ''}</Tag>) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.skills')} span={2}>{tags(d.skills, 'skills')}</Descriptions.Item>
            <Descriptions.Item label={t('fields.availability')} span={2}>{tags(d.availability, 'availability')}</Descriptions.Item>
            <Descriptions.Item label={t('fields.areas')} span={2}>{tags(d.areas, 'categories')}</Descriptions.Item>
            {d.reviewNote && <Descriptions.Item label={t('fields.reviewNote')} span={2}>{d.reviewNote}</Descriptions.Item>}
            <Descriptions.Item label={t('fields.registeredAt')} span={2}>{formatDateTime(d.createdAt)}</Descriptions.Item>
          </Descriptions>
          <div className="vol-section-head">
            <Typography.Title level={5} className="section-title">{t('certificates.title')}</Typography.Title>
            <Button
              icon={<SafetyCertificateOutlined />}
              disabled={d.confirmedHours <= 0}
              loading={issue.isPending}
              onClick={() => issue.mutate(d.id, { onSuccess: (c) => message.success(t('certificates.issued', { code: c.code })), onError: (err) => message.error(err.message) })}
              data-testid="issue-certificate"
            >
              {t('certificates.issue')}
            </Button>
          </div>
          <List
            dataSource={certs.data ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('certificates.empty')} /> }}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <a key="pdf" href={`/api/v1/volunteers/${d.id}/certificates/${c.id}/pdf`} target="_blank" rel="noreferrer">
                    <FilePdfOutlined /> {t('certificates.pdf')}
                  </a>,
                ]}
              >
                <Space direction="vertical" size={0}>
                  <Typography.Text strong className="mono">{c.code}</Typography.Text>
                  <Typography.Text type="secondary">{t('certificates.summary', { hours: c.hours, count: c.activityCount, date: formatDateTime(c.issuedAt) })}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
