/**
 * 救助申请: every application in the caller's area by step — the community works its queue
 * (submitted, in review, on notice), the street its own (street review). New applications start
 * from a household's care file.
 */
import { Card, Empty, Input, Result, Segmented, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { care } from '../../../../../contracts';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { Money, StatusTag, useCareT } from '../components';
import { useApplications } from '../data';
import type { ApplicationListItem, AssistanceStatus } from '../types';
import '../care.css';

type Filter = AssistanceStatus | 'all';

export default function ApplicationsPage() {
  const t = useCareT();
  const { data: me } = useMe();
  const streetOnly = can(me, 'assistance.street_review') && !can(me, 'assistance.community_review');
  const [status, setStatus] = useState<Filter>(streetOnly ? 'street_review' : 'submitted');
  const [kind, setKind] = useState<string>();
  const [q, setQ] = useState('');
  const paging = useCursorPaging(20);
  const list = useApplications({ status: status === 'all' ? undefined : status, kind, q: q || undefined, cursor: paging.cursor, limit: paging.size });
  const refilter = (f: () => void) => (f(), paging.reset());
  const items = list.data?.items ?? [];
  const many = new Set(items.map((a) => a.communityId)).size > 1 || !can(me, 'assistance.community_review');

  const columns: TableColumnsType<ApplicationListItem> = [
    { title: t('applications.applicant'), dataIndex: 'applicantName', width: 110, render: (v: string, r) => <Link to={`/care/applications/${r.id}`} className="care-strong-link" data-testid="application-link">{v}</Link> },
    { title: t('applications.kind'), dataIndex: 'kind', width: 110, render: (v: string) => t(`assistanceKinds.${v}`) },
    { title: t('applications.status'), dataIndex: 'status', width: 110, render: (v: AssistanceStatus) => <StatusTag status={v} /> },
    ...(many ? [{ title: t('common.community'), dataIndex: 'communityName', width: 120 }] : []),
    { title: t('applications.address'), dataIndex: 'address' },
    { title: t('applications.amount'), dataIndex: 'amountFen', width: 110, align: 'right' as const, render: (v: number | null) => <Money fen={v} /> },
    { title: t('applications.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
    { title: t('applications.noticeEndsAt'), dataIndex: 'noticeEndsAt', width: 150, render: (v: string | null, r) => (r.status === 'public_notice' ? formatDateTime(v) : '—') },
  ];

  return (
    <PageContainer title={t('nav.careApplications')} description={t('navDescriptions.careApplications')}>
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <Segmented<Filter>
              value={status}
              onChange={(v) => refilter(() => setStatus(v))}
              options={[...care.model.assistanceStatuses, 'all' as const].map((s) => ({ value: s, label: s === 'all' ? t('common.all') : t(`statuses.${s}`) }))}
              data-testid="application-status-filter"
            />
            <Select allowClear className="toolbar-select" placeholder={t('applications.kind')} value={kind} onChange={(v) => refilter(() => setKind(v))} options={care.model.assistanceKinds.map((k) => ({ value: k, label: t(`assistanceKinds.${k}`) }))} />
            <Input.Search allowClear className="toolbar-search" placeholder={t('common.search')} onSearch={(v) => refilter(() => setQ(v.trim()))} />
          </Space>
          <Link to="/care/notices">{t('nav.careNotices')}</Link>
        </div>
        {list.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={list.error.message} />
        ) : (
          <>
            <Table<ApplicationListItem> rowKey="id" size="middle" loading={list.isFetching} dataSource={items} columns={columns} pagination={false} locale={{ emptyText: <Empty description={t('common.empty')} /> }} data-testid="applications-table" />
            <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={items.length} loading={list.isFetching} />
          </>
        )}
      </Card>
    </PageContainer>
  );
}
