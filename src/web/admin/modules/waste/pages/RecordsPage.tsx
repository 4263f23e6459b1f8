/**
 * 分类记录: one drop point's households on one day and what the supervisor recorded; staff fill
 * in missed households for past days, correct mistakes before the reward is paid, and settle a
 * finished day's rewards.
 */
import { CheckOutlined, CloseOutlined, DownloadOutlined, EditOutlined, PayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Input, Popconfirm, Result, Segmented, Select, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { downloadCsv } from '../../../../shared/csv';
import { can, useMe } from '../../../../shared/me';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, percent, ResultTag } from '../components';
import { communityToday, useCommunities, useCreateRecord, useDropPoints, usePointHouseholds, useRunRewards, type PointHousehold } from '../data';
import { reasonOf, RecordModal } from './RecordModal';
import '../waste.css';

type Filter = 'all' | 'correct' | 'incorrect' | 'none';

export default function RecordsPage() {
  const { t } = useTranslation('waste');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const manage = can(me, 'waste.manage');
  const [params, setParams] = useSearchParams();
  const today = communityToday();
  const day = params.get('day') ?? today;
  const communities = useCommunities();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const points = useDropPoints(communityId);
  const pointId = params.get('point') ?? points.data?.find((p) => p.status === 'active')?.id;
  const point = points.data?.find((p) => p.id === pointId);
  const list = usePointHouseholds(pointId, day);
  const create = useCreateRecord();
  const runRewards = useRunRewards();
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<PointHousehold | null>(null);

  const setParam = (key: 'point' | 'day', value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  // A community change drops a point that is not in it.
  useEffect(() => {
    if (communityId && point && point.communityId !== communityId) setParam('point', undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [communityId, point]);

  const all = list.data ?? [];
  const counts = useMemo(() => {
    const correct = all.filter((h) => h.record?.result === 'correct').length;
    const incorrect = all.filter((h) => h.record?.result === 'incorrect').length;
    return { households: all.length, recorded: correct + incorrect, correct, incorrect, none: all.length - correct - incorrect };
  }, [all]);
  const rows = useMemo(() => {
    const q = search.trim();
    return all.filter((h) => (filter === 'all' || (filter === 'none' ? !h.record : h.record?.result === filter)) && (!q || h.address.includes(q)));
  }, [all, filter, search]);

  const recordCorrect = (h: PointHousehold) =>
    pointId &&
    create.mutate(
      { dropPointId: pointId, householdId: h.householdId, day, result: 'correct' },
      { onSuccess: () => message.success(t('records.saved', { address: h.address })), onError: (err) => message.error(reasonOf(err)) },
    );

  const settle = () =>
    point &&
    runRewards.mutate(
      { communityId: point.communityId, day },
      { onSuccess: (r) => message.success(t('records.settled', { count: r.rewarded, day })), onError: (err) => message.error(reasonOf(err)) },
    );

  const columns: TableColumnsType<PointHousehold> = [
    { title: t('records.fields.household'), dataIndex: 'address', defaultSortOrder: 'ascend', sorter: (a, b) => a.address.localeCompare(b.address, 'zh-CN', { numeric: true }) },
    {
      title: t('records.fields.result'),
      key: 'result',
      width: 200,
      render: (_, h) => (h.record ? <ResultTag result={h.record.result} issue={h.record.issue} /> : <Typography.Text type="secondary">{t('records.notRecorded')}</Typography.Text>),
    },
    { title: t('records.fields.note'), key: 'note', ellipsis: true, render: (_, h) => h.record?.note ?? '' },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 220,
            render: (_: unknown, h: PointHousehold) =>
              h.record ? (
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(h)}>
                  {t('records.correct')}
                </Button>
              ) : (
                <Space size={0}>
                  <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => recordCorrect(h)} data-testid={`mark-correct-${h.householdId}`}>
                    {t('results.correct')}
                  </Button>
                  <Button type="link" size="small" danger icon={<CloseOutlined />} onClick={() => setEditing(h)}>
                    {t('results.incorrect')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  const exportCsv = () =>
    downloadCsv(
      `${t('nav.wasteRecords')}-${point?.name ?? ''}-${day}.csv`,
      [t('records.fields.household'), t('records.fields.result'), t('records.fields.issue'), t('records.fields.note')],
      rows.map((h) => [h.address, h.record ? t(`results.${h.record.result}`) : t('records.notRecorded'), h.record?.issue ? t(`issues.${h.record.issue as 'mixed'}`) : '', h.record?.note ?? '']),
    );

  const filters: Filter[] = ['all', 'correct', 'incorrect', 'none'];
  const filterCount: Record<Filter, number> = { all: counts.households, correct: counts.correct, incorrect: counts.incorrect, none: counts.none };

  return (
    <PageContainer
      title={t('nav.wasteRecords')}
      description={t('records.description')}
      extra={
        manage &&
        point &&
        day < today && (
          <Popconfirm title={t('records.settleConfirm', { day })} onConfirm={settle} okText={tc('common.confirm')} cancelText={tc('common.cancel')}>
            <Button icon={<PayCircleOutlined />} loading={runRewards.isPending}>
              {t('records.settle')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <CommunitySelect communities={communities.data ?? []} value={communityId} onChange={setCommunityId} allowAll />
            <Select
              showSearch
              optionFilterProp="label"
              className="toolbar-select wide"
              placeholder={t('records.pickPoint')}
              value={pointId}
              onChange={(v) => setParam('point', v)}
              options={(points.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              data-testid="records-point"
            />
            <DatePicker allowClear={false} value={dayjs(day)} onChange={(d) => setParam('day', d ? d.format('YYYY-MM-DD') : undefined)} disabledDate={(d) => d.format('YYYY-MM-DD') > today} data-testid="records-day" />
          </Space>
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={rows.length === 0}>
            {t('common.export')}
          </Button>
        </div>
        <div className="waste-totals" data-testid="records-totals">
          <Statistic title={t('records.totals.households')} value={counts.households} />
          <Statistic title={t('records.totals.recorded')} value={counts.recorded} suffix={<span className="waste-suffix">{percent(counts.households ? counts.recorded / counts.households : null)}</span>} />
          <Statistic title={t('records.totals.correct')} value={counts.correct} />
          <Statistic title={t('records.totals.incorrect')} value={counts.incorrect} />
          <Statistic title={t('records.totals.correctRate')} value={percent(counts.recorded ? counts.correct / counts.recorded : null)} />
        </div>
        <div className="table-toolbar">
          <Segmented<Filter> value={filter} onChange={setFilter} options={filters.map((f) => ({ value: f, label: `${t(`recordFilter.${f}`)} ${filterCount[f]}` }))} />
          <Input.Search allowClear placeholder={t('records.searchPlaceholder')} className="toolbar-search" onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} />
        </div>
        {!pointId && !points.isPending ? (
          <Empty description={t('points.empty')} />
        ) : list.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={list.error.message} />
        ) : (
          <Table<PointHousehold>
            rowKey="householdId"
            size="middle"
            loading={list.isFetching || points.isPending}
            dataSource={rows}
            columns={columns}
            data-testid="records-table"
            pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }) }}
            locale={{ emptyText: <Empty description={search || filter !== 'all' ? t('common.noMatch') : t('records.empty')} /> }}
          />
        )}
      </Card>
      {editing && pointId && <RecordModal row={editing} pointId={pointId} day={day} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
