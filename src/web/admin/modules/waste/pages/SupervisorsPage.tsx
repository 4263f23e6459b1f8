/**
 * 督导员: volunteers who applied to supervise a drop point (seed 003: 300+ applicants, one chosen
 * per point); staff select an applicant for a point, move a supervisor, or retire one.
 */
import { DownloadOutlined, StopOutlined, UserAddOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Popconfirm, Result, Segmented, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api';
import { downloadCsv } from '../../../../shared/csv';
import { formatDateTime } from '../../../../shared/format';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect } from '../components';
import { useCommunities, useDecideSupervisor, useDropPoints, useSupervisors, type Supervisor, type SupervisorStatus } from '../data';
import { SelectPointModal } from './SelectPointModal';
import '../waste.css';

const statusColor: Record<SupervisorStatus, string> = { selected: 'green', applicant: 'blue', retired: 'default' };
type Filter = SupervisorStatus | 'all';

export default function SupervisorsPage() {
  const { t } = useTranslation('waste');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const communities = useCommunities();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const list = useSupervisors({ communityId });
  const points = useDropPoints(communityId);
  const decide = useDecideSupervisor();
  const [filter, setFilter] = useState<Filter>('selected');
  const [search, setSearch] = useState('');
  const [selecting, setSelecting] = useState<Supervisor | null>(null);
  const many = (communities.data?.length ?? 0) > 1;
  const communityName = useMemo(() => new Map((communities.data ?? []).map((c) => [c.id, c.name])), [communities.data]);

  const all = list.data ?? [];
  const count = (s: SupervisorStatus) => all.filter((x) => x.status === s).length;
  const uncovered = (points.data ?? []).filter((p) => p.status === 'active' && p.supervisors.length === 0);
  const rows = useMemo(() => {
    const q = search.trim();
    return all.filter((s) => (filter === 'all' || s.status === filter) && (!q || s.displayName.includes(q) || (s.dropPointName ?? '').includes(q)));
  }, [all, filter, search]);

  const retire = (s: Supervisor) =>
    decide.mutate(
      { id: s.id, version: s.version, status: 'retired' },
      {
        onSuccess: () => message.success(t('supervisors.retired', { name: s.displayName })),
        onError: (err) => message.error(isApiError(err, 'version_conflict') ? tc('errors.versionConflict') : err.message),
      },
    );

  const columns: TableColumnsType<Supervisor> = [
    { title: t('supervisors.fields.name'), dataIndex: 'displayName', sorter: (a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'), render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    ...(many ? [{ title: t('points.fields.community'), key: 'community', render: (_: unknown, s: Supervisor) => communityName.get(s.communityId) ?? '—' }] : []),
    { title: t('supervisors.fields.status'), dataIndex: 'status', width: 110, render: (v: SupervisorStatus) => <Tag color={statusColor[v]} bordered={false}>{t(`supervisorStatus.${v}`)}</Tag> },
    {
      title: t('supervisors.fields.point'),
      dataIndex: 'dropPointName',
      sorter: (a, b) => (a.dropPointName ?? '').localeCompare(b.dropPointName ?? '', 'zh-CN', { numeric: true }),
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: t('supervisors.fields.appliedAt'), dataIndex: 'appliedAt', width: 170, sorter: (a, b) => a.appliedAt.localeCompare(b.appliedAt), render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, s) => (
        <Space size={0} wrap>
          {s.status !== 'selected' ? (
            <Button type="link" size="small" icon={<UserAddOutlined />} onClick={() => setSelecting(s)} data-testid={`select-${s.displayName}`}>
              {t('supervisors.select')}
            </Button>
          ) : (
            <>
              <Button type="link" size="small" icon={<SwapOutlined />} onClick={() => setSelecting(s)}>
                {t('supervisors.move')}
              </Button>
              <Popconfirm title={t('supervisors.retireConfirm', { name: s.displayName, point: s.dropPointName })} onConfirm={() => retire(s)} okText={tc('common.confirm')} cancelText={tc('common.cancel')}>
                <Button type="link" size="small" danger icon={<StopOutlined />}>
                  {t('supervisors.retire')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      ),
    },
  ];

  const exportCsv = () =>
    downloadCsv(
      `${t('nav.wasteSupervisors')}.csv`,
      [t('supervisors.fields.name'), t('points.fields.community'), t('supervisors.fields.status'), t('supervisors.fields.point'), t('supervisors.fields.appliedAt')],
      rows.map((s) => [s.displayName, communityName.get(s.communityId) ?? '', t(`supervisorStatus.${s.status}`), s.dropPointName ?? '', formatDateTime(s.appliedAt)]),
    );

  const filters: Filter[] = ['selected', 'applicant', 'retired', 'all'];

  return (
    <PageContainer title={t('nav.wasteSupervisors')} description={t('supervisors.description')}>
      <Card variant="borderless">
        <div className="waste-totals" data-testid="supervisor-totals">
          <Statistic title={t('supervisors.totals.applicants')} value={all.length} />
          <Statistic title={t('supervisors.totals.selected')} value={count('selected')} />
          <Statistic title={t('supervisors.totals.uncovered')} value={uncovered.length} valueStyle={uncovered.length ? { color: '#d46b08' } : undefined} />
        </div>
        {uncovered.length > 0 && (
          <Alert type="warning" showIcon className="page-alert" message={t('supervisors.uncoveredHint', { names: uncovered.map((p) => p.name).join(t('common.separator')) })} />
        )}
        <div className="table-toolbar">
          <Space wrap>
            <CommunitySelect communities={communities.data ?? []} value={communityId} onChange={setCommunityId} allowAll />
            <Segmented<Filter>
              value={filter}
              onChange={setFilter}
              options={filters.map((f) => ({ value: f, label: `${t(`supervisorFilter.${f}`)} ${f === 'all' ? all.length : count(f)}` }))}
              data-testid="supervisor-filter"
            />
            <Input.Search allowClear placeholder={t('supervisors.searchPlaceholder')} className="toolbar-search" onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} />
          </Space>
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={rows.length === 0}>
            {t('common.export')}
          </Button>
        </div>
        {list.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={list.error.message} />
        ) : (
          <Table<Supervisor>
            rowKey="id"
            loading={list.isFetching}
            dataSource={rows}
            columns={columns}
            data-testid="supervisors-table"
            pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }), hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={search ? t('common.noMatch') : t('supervisors.empty')} /> }}
          />
        )}
      </Card>
      {selecting && <SelectPointModal supervisor={selecting} points={(points.data ?? []).filter((p) => p.communityId === selecting.communityId && p.status === 'active')} onClose={() => setSelecting(null)} />}
    </PageContainer>
  );
}
