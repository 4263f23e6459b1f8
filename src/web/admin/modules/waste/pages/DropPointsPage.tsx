/**
 * 投放点: the drop points of the caller's communities with their bins, the households they serve
 * and their supervisors; a drawer shows one point in full; staff create and edit points.
 */
import { DownloadOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Input, Result, Select, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../../../shared/csv';
import { can, useMe } from '../../../../shared/me';
import { PageContainer } from '../../../components/PageContainer';
import { BinSummary, CommunitySelect, countBins } from '../components';
import { useCommunities, useDropPoints, type DropPoint } from '../data';
import { binKinds } from '../kinds';
import { DropPointDrawer } from './DropPointDrawer';
import { DropPointFormModal } from './DropPointFormModal';
import '../waste.css';

export default function DropPointsPage() {
  const { t } = useTranslation('waste');
  const { data: me } = useMe();
  const manage = can(me, 'waste.manage');
  const communities = useCommunities();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const points = useDropPoints(communityId);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<'active' | 'closed' | undefined>();
  const [shown, setShown] = useState<string | null>(null);
  const [editing, setEditing] = useState<DropPoint | 'new' | null>(null);
  const communityName = useMemo(() => new Map((communities.data ?? []).map((c) => [c.id, c.name])), [communities.data]);
  const many = (communities.data?.length ?? 0) > 1;

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (points.data ?? []).filter((p) => (!status || p.status === status) && (!q || [p.name, p.location, ...p.supervisors.map((s) => s.displayName)].some((v) => v?.toLowerCase().includes(q))));
  }, [points.data, search, status]);

  const totals = useMemo(
    () => ({ points: rows.filter((p) => p.status === 'active').length, bins: rows.reduce((n, p) => n + p.bins.filter((b) => b.status === 'in_service').length, 0), households: rows.reduce((n, p) => n + p.households, 0) }),
    [rows],
  );

  const columns: TableColumnsType<DropPoint> = [
    {
      title: t('points.fields.name'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }),
      defaultSortOrder: 'ascend',
      width: 200,
      render: (v: string, p) => (
        <Typography.Link strong className="nowrap" onClick={() => setShown(p.id)}>
          {v}
        </Typography.Link>
      ),
    },
    ...(many ? [{ title: t('points.fields.community'), key: 'community', render: (_: unknown, p: DropPoint) => communityName.get(p.communityId) ?? '—' }] : []),
    { title: t('points.fields.location'), dataIndex: 'location', width: 130, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('points.fields.hours'), dataIndex: 'hours', width: 200, render: (v: string | null) => v ?? '—' },
    { title: t('points.fields.bins'), key: 'bins', width: 280, render: (_, p) => <BinSummary bins={p.bins} /> },
    { title: t('points.fields.households'), dataIndex: 'households', align: 'right', width: 100, sorter: (a, b) => a.households - b.households, render: (v: number) => v.toLocaleString() },
    {
      title: t('points.fields.supervisors'),
      key: 'supervisors',
      width: 140,
      render: (_, p) => (p.supervisors.length ? p.supervisors.map((s) => s.displayName).join(t('common.separator')) : <Typography.Text type="warning">{t('points.noSupervisor')}</Typography.Text>),
    },
    { title: t('points.fields.status'), dataIndex: 'status', width: 90, render: (v: DropPoint['status']) => <Badge status={v === 'active' ? 'success' : 'default'} text={t(`pointStatus.${v}`)} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: manage ? 150 : 80,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setShown(p.id)} data-testid={`point-detail-${p.name}`}>
            {t('common.detail')}
          </Button>
          {manage && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const exportCsv = () =>
    downloadCsv(
      `${t('nav.wasteDropPoints')}.csv`,
      [t('points.fields.name'), t('points.fields.community'), t('points.fields.location'), t('points.fields.hours'), ...binKinds.map((k) => t(`kinds.${k}`)), t('points.fields.households'), t('points.fields.supervisors'), t('points.fields.status')],
      rows.map((p) => {
        const counts = countBins(p.bins);
        return [p.name, communityName.get(p.communityId) ?? '', p.location, p.hours, ...binKinds.map((k) => counts[k]), p.households, p.supervisors.map((s) => s.displayName).join(' '), t(`pointStatus.${p.status}`)];
      }),
    );

  return (
    <PageContainer
      title={t('nav.wasteDropPoints')}
      description={t('points.description')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="point-create">
            {t('points.create')}
          </Button>
        )
      }
    >
      <Card variant="borderless">
        <div className="waste-totals" data-testid="point-totals">
          <Statistic title={t('points.totals.points')} value={totals.points} />
          <Statistic title={t('points.totals.bins')} value={totals.bins} />
          <Statistic title={t('points.totals.households')} value={totals.households} />
        </div>
        <div className="table-toolbar">
          <Space wrap>
            <CommunitySelect communities={communities.data ?? []} value={communityId} onChange={setCommunityId} allowAll />
            <Input.Search allowClear placeholder={t('points.searchPlaceholder')} className="toolbar-search" onSearch={(v) => setSearch(v)} onChange={(e) => !e.target.value && setSearch('')} />
            <Select
              allowClear
              className="toolbar-select"
              placeholder={t('points.fields.status')}
              value={status}
              onChange={setStatus}
              options={(['active', 'closed'] as const).map((s) => ({ value: s, label: t(`pointStatus.${s}`) }))}
            />
          </Space>
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={rows.length === 0}>
            {t('common.export')}
          </Button>
        </div>
        {points.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={points.error.message} />
        ) : (
          <Table<DropPoint>
            rowKey="id"
            loading={points.isFetching}
            dataSource={rows}
            columns={columns}
            data-testid="points-table"
            scroll={{ x: 1180 }}
            pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }), hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={search || status ? t('common.noMatch') : t('points.empty')} /> }}
          />
        )}
      </Card>
      {shown && <DropPointDrawer id={shown} communityName={communityName} onClose={() => setShown(null)} onEdit={manage ? (p) => setEditing(p) : undefined} />}
      {editing && <DropPointFormModal point={editing === 'new' ? null : editing} communities={communities.data ?? []} defaultCommunityId={communityId} points={points.data ?? []} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
