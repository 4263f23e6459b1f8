/**
 * 居民: search by name, full pinyin or initials, a full ID number or phone, or an address; filter
 * by grid, building, tags, age and residency; keyset "load more". ID numbers and phones are masked
 * here and everywhere; the detail drawer reveals them with a reason.
 */
import { Button, Card, Empty, Input, InputNumber, Result, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, GridSelect, ResidentTags, TagSelect, useCommunityChoice, usePlacesT } from '../components/common';
import { ResidentDrawer } from '../components/ResidentDrawer';
import { useBuildings, useResidentSearch, type Query, type ResidentItem } from '../data';
import '../places.css';

export default function ResidentsPage() {
  const t = usePlacesT();
  const choice = useCommunityChoice();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [gridId, setGridId] = useState<string | undefined>(params.get('gridId') ?? undefined);
  const [buildingId, setBuildingId] = useState<string | undefined>(params.get('buildingId') ?? undefined);
  const [tags, setTags] = useState<string[]>([]);
  const [ageMin, setAgeMin] = useState<number | null>(null);
  const [ageMax, setAgeMax] = useState<number | null>(null);
  const [residency, setResidency] = useState<string>();
  const buildings = useBuildings({ communityId: choice.communityId, gridId });
  const query: Query = useMemo(
    () => ({
      q: q || undefined,
      communityId: choice.communityId,
      gridId,
      buildingId,
      tags: tags.length ? tags.join(',') : undefined,
      ageMin: ageMin ?? undefined,
      ageMax: ageMin !== null && ageMax !== null && ageMin > ageMax ? undefined : (ageMax ?? undefined),
      residency,
    }),
    [q, choice.communityId, gridId, buildingId, tags, ageMin, ageMax, residency],
  );
  const badAges = ageMin !== null && ageMax !== null && ageMin > ageMax;
  const list = useResidentSearch(query);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const openId = params.get('resident') ?? undefined;
  const open = (id: string | undefined) =>
    setParams(
      (p) => {
        if (id) p.set('resident', id);
        else p.delete('resident');
        return p;
      },
      { replace: true },
    );

  const columns: TableColumnsType<ResidentItem> = [
    { title: t('residents.name'), dataIndex: 'name', width: 110, render: (v: string, r) => <Button type="link" size="small" onClick={() => open(r.id)} data-testid="resident-link">{v}</Button> },
    { title: t('residents.gender'), dataIndex: 'gender', width: 60, render: (v: string) => t(`genders.${v}`) },
    { title: t('residents.age'), dataIndex: 'age', width: 60, align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('residents.idNumber'), dataIndex: 'idNumber', width: 190, render: (v: string | null) => <span className="mono" data-testid="masked-id">{v ?? '—'}</span> },
    { title: t('residents.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    { title: t('residents.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
    { title: t('residents.relation'), dataIndex: 'relationToHead', width: 80, render: (v: string | null) => (v ? t(`relations.${v}`) : '—') },
    { title: t('residents.residency'), dataIndex: 'residency', width: 80, render: (v: string) => <Tag bordered={false} color={v === 'floating' ? 'orange' : undefined}>{t(`residency.${v}`)}</Tag> },
    { title: t('residents.tags'), dataIndex: 'tags', render: (v: string[]) => <ResidentTags values={v} /> },
  ];

  return (
    <PageContainer title={t('nav.placesResidents')} description={t('navDescriptions.placesResidents')} extra={<CommunitySelect choice={choice} />}>
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <Input.Search
              allowClear
              className="places-search"
              defaultValue={q}
              placeholder={t('residents.searchPlaceholder')}
              onSearch={(v) => setQ(v.trim())}
              enterButton
              data-testid="resident-search"
            />
            <GridSelect communityId={choice.communityId} className="toolbar-select" placeholder={t('residents.grid')} value={gridId} onChange={(v) => (setGridId(v), setBuildingId(undefined))} data-testid="filter-grid" />
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              className="toolbar-select"
              placeholder={t('residents.building')}
              value={buildingId}
              onChange={setBuildingId}
              options={(buildings.data ?? []).map((b) => ({ value: b.id, label: `${b.estateName} ${b.name}` }))}
            />
            <TagSelect className="places-tag-filter" placeholder={t('residents.tags')} value={tags} onChange={setTags} data-testid="filter-tags" />
            <Space.Compact>
              <InputNumber min={0} max={150} placeholder={t('residents.ageMin')} value={ageMin} onChange={setAgeMin} status={badAges ? 'error' : undefined} />
              <InputNumber min={0} max={150} placeholder={t('residents.ageMax')} value={ageMax} onChange={setAgeMax} status={badAges ? 'error' : undefined} />
            </Space.Compact>
            <Select
              allowClear
              className="toolbar-select"
              placeholder={t('residents.residency')}
              value={residency}
              onChange={setResidency}
              options={(['permanent', 'floating'] as const).map((r) => ({ value: r, label: t(`residency.${r}`) }))}
            />
          </Space>
        </div>
        {badAges && <Typography.Text type="danger">{t('fieldErrors.age_range')}</Typography.Text>}
        {list.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={list.error.message} />
        ) : (
          <>
            <Table<ResidentItem>
              rowKey="id"
              size="middle"
              loading={list.isFetching && !list.isFetchingNextPage}
              dataSource={items}
              columns={columns}
              pagination={false}
              onRow={(r) => ({ onDoubleClick: () => open(r.id) })}
              locale={{ emptyText: <Empty description={q ? t('residents.noMatch', { q }) : t('common.empty')} /> }}
              data-testid="residents-table"
            />
            <div className="load-more">
              {list.hasNextPage ? (
                <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="load-more">
                  {t('common.loadMore', { count: items.length })}
                </Button>
              ) : (
                items.length > 0 && <Typography.Text type="secondary">{t('common.allLoaded', { count: items.length })}</Typography.Text>
              )}
            </div>
          </>
        )}
      </Card>
      <ResidentDrawer id={openId} onClose={() => open(undefined)} />
    </PageContainer>
  );
}
