/**
 * 服务中心: the neighborhood centers in the caller's scope — search, filter by community, sort,
 * export; create and edit with center.manage.
 */
import { DownloadOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Result, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../../shared/csv';
import { can, useMe } from '../../../shared/me';
import type { CenterView } from '../../../shared/types';
import { PageContainer } from '../../components/PageContainer';
import { useCenters } from '../../data/centers';
import { CenterFormModal } from './CenterFormModal';

export default function CentersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const manage = can(me, 'center.manage');
  const centers = useCenters();
  const [search, setSearch] = useState('');
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [editing, setEditing] = useState<CenterView | 'new' | null>(null);

  const communities = useMemo(() => {
    const seen = new Map<string, string>();
    for (const c of centers.data ?? []) seen.set(c.communityId, c.communityName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [centers.data]);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (centers.data ?? []).filter(
      (c) => (!communityId || c.communityId === communityId) && (!q || [c.name, c.address, c.communityName, c.phone].some((v) => v?.toLowerCase().includes(q))),
    );
  }, [centers.data, search, communityId]);

  const columns: TableColumnsType<CenterView> = [
    { title: t('centers.fields.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'), render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('centers.fields.community'), dataIndex: 'communityName', sorter: (a, b) => a.communityName.localeCompare(b.communityName, 'zh-CN') },
    { title: t('centers.fields.address'), dataIndex: 'address', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('centers.fields.areaM2'),
      dataIndex: 'areaM2',
      align: 'right',
      width: 130,
      sorter: (a, b) => (a.areaM2 ?? 0) - (b.areaM2 ?? 0),
      render: (v: number | null) => (v ? t('centers.area', { value: v.toLocaleString() }) : '—'),
    },
    { title: t('centers.fields.phone'), dataIndex: 'phone', width: 150, render: (v: string | null) => v ?? '—' },
    { title: t('centers.fields.openingHours'), dataIndex: 'openingHours', width: 130, render: (v: string | null) => v ?? '—' },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, row: CenterView) => (
              <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(row)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const exportCsv = () =>
    downloadCsv(
      `${t('nav.centers')}.csv`,
      [t('centers.fields.name'), t('centers.fields.community'), t('centers.fields.address'), t('centers.fields.areaM2'), t('centers.fields.phone'), t('centers.fields.openingHours')],
      rows.map((c) => [c.name, c.communityName, c.address, c.areaM2, c.phone, c.openingHours]),
    );

  return (
    <PageContainer
      title={t('nav.centers')}
      description={t('centers.description')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="center-create">
            {t('centers.create')}
          </Button>
        )
      }
    >
      <Card variant="borderless">
        {centers.isError ? (
          <Result status="error" title={t('errors.loadFailed')} subTitle={centers.error.message} />
        ) : (
          <>
            <div className="table-toolbar">
              <Space wrap>
                <Input allowClear prefix={<SearchOutlined />} placeholder={t('centers.searchPlaceholder')} className="toolbar-search" onChange={(e) => setSearch(e.target.value)} />
                <Select allowClear placeholder={t('centers.filterCommunity')} options={communities} value={communityId} onChange={setCommunityId} className="toolbar-select" />
              </Space>
              <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={rows.length === 0}>
                {t('common.export')}
              </Button>
            </div>
            <Table<CenterView>
              rowKey="id"
              loading={centers.isPending}
              dataSource={rows}
              columns={columns}
              locale={{ emptyText: <Empty description={search || communityId ? t('common.noMatch') : t('centers.empty')} /> }}
              pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { count: total }) }}
            />
          </>
        )}
      </Card>
      {editing && <CenterFormModal center={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
