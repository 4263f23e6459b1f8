/**
 * 个人信息更正: residents ask from the app for a wrong field to be corrected (or a record deleted).
 * Community staff filter by status and community, open one (the requested value is shown unmasked
 * there, and the read is audited), fix the resident's record, then mark it resolved — or reject it
 * with a reason the resident will read.
 */
import { Button, Card, Empty, Result, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { useOrgs } from '../../../data/orgs';
import { usePrivacyRequests, type PrivacyRequest } from '../data';
import { RequestDrawer } from './RequestDrawer';
import { requestStatusColor } from './labels';
import '../security.css';

export default function CorrectionRequestsPage() {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const { data: me } = useMe();
  const paging = useCursorPaging(20);
  const [status, setStatus] = useState<string | undefined>('pending');
  const [communityId, setCommunityId] = useState<string>();
  const [openId, setOpenId] = useState<string>();
  const orgs = useOrgs();
  const communities = useMemo(() => (orgs.data ?? []).filter((o) => o.kind === 'community'), [orgs.data]);
  const requests = usePrivacyRequests({ status, communityId, cursor: paging.cursor, limit: paging.size });
  const communityName = (id: string) => communities.find((c) => c.id === id)?.name ?? '—';

  const columns: TableColumnsType<PrivacyRequest> = [
    { title: t('requests.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('requests.resident'), dataIndex: 'residentName', width: 120 },
    ...(communities.length > 1 ? [{ title: t('requests.community'), key: 'community', width: 160, render: (_: unknown, r: PrivacyRequest) => communityName(r.communityId) }] : []),
    { title: t('requests.kind'), dataIndex: 'kind', width: 90, render: (v: PrivacyRequest['kind']) => <Tag color={v === 'deletion' ? 'red' : 'blue'}>{t(`requests.kinds.${v}`)}</Tag> },
    { title: t('requests.field'), dataIndex: 'field', width: 110, render: (v: PrivacyRequest['field']) => t(`fields.${v}`) },
    { title: t('requests.value'), dataIndex: 'value', render: (v: string | null) => v ?? '—' },
    { title: t('requests.reason'), dataIndex: 'reason', ellipsis: true, render: (v: string) => v || '—' },
    { title: t('requests.status'), dataIndex: 'status', width: 100, render: (v: PrivacyRequest['status']) => <Tag color={requestStatusColor[v]}>{t(`requests.statuses.${v}`)}</Tag> },
    {
      title: tc('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setOpenId(r.id)} data-testid={`request-open-${r.id}`}>
          {r.status === 'pending' && can(me, 'privacy_request.handle') ? t('requests.handle') : t('requests.view')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer title={t('nav.correctionRequests')} description={t('requests.description')}>
      <Card variant="borderless">
        <Space wrap className="sec-filters">
          <Select
            value={status ?? 'all'}
            className="sec-filter"
            onChange={(v) => {
              setStatus(v === 'all' ? undefined : v);
              paging.reset();
            }}
            options={[
              ...(['pending', 'resolved', 'rejected'] as const).map((s) => ({ value: s, label: t(`requests.statuses.${s}`) })),
              { value: 'all', label: t('requests.allStatuses') },
            ]}
            data-testid="requests-status"
          />
          {communities.length > 1 && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              className="sec-filter-wide"
              placeholder={t('requests.allCommunities')}
              value={communityId}
              onChange={(v) => {
                setCommunityId(v);
                paging.reset();
              }}
              options={communities.map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
        </Space>
        {requests.isError ? (
          <Result status="error" title={tc('errors.loadFailed')} subTitle={requests.error.message} />
        ) : (
          <>
            <Table<PrivacyRequest>
              rowKey="id"
              columns={columns}
              dataSource={requests.data?.items ?? []}
              loading={requests.isFetching}
              pagination={false}
              onRow={(r) => ({ onDoubleClick: () => setOpenId(r.id) })}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status === 'pending' ? t('requests.emptyPending') : t('requests.empty')} /> }}
              data-testid="requests-table"
            />
            <CursorPager paging={paging} nextCursor={requests.data?.nextCursor} shown={requests.data?.items.length ?? 0} loading={requests.isFetching} />
          </>
        )}
        <Typography.Paragraph type="secondary" className="sec-small sec-gap-top">
          {t('requests.maskedHint')}
        </Typography.Paragraph>
      </Card>
      <RequestDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </PageContainer>
  );
}
