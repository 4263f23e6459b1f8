/**
 * 一户一档: every care file in the caller's area, filtered by category, condition and status,
 * searchable by name, pinyin or address; suggestions of households to open a file for (from the
 * residents' tags); export as a spreadsheet (restricted health data only for the care officer).
 */
import { BulbOutlined, DownloadOutlined, FolderAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Empty, Input, List, Result, Segmented, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { care } from '../../../../../contracts';
import { can, useMe } from '../../../../shared/me';
import { formatDateTime } from '../../../../shared/format';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { Tags, useCareT } from '../components';
import { careApi, exportUrl, useCareFiles, useCareMutation, useSuggestions } from '../data';
import type { CareFileListItem } from '../types';
import '../care.css';

type Status = 'active' | 'closed' | 'all';

function Suggestions({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useCareT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const suggestions = useSuggestions(open);
  const openFile = useCareMutation(careApi.openFile);
  return (
    <Drawer open={open} onClose={onClose} width={560} title={t('files.suggestionsTitle')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('files.suggestionsHint')}</Typography.Paragraph>
      <List
        loading={suggestions.isFetching}
        dataSource={suggestions.data ?? []}
        locale={{ emptyText: <Empty description={t('files.noSuggestions')} /> }}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Button
                key="open"
                type="primary"
                size="small"
                icon={<FolderAddOutlined />}
                loading={openFile.isPending && openFile.variables === s.householdId}
                onClick={() => openFile.mutate(s.householdId, { onSuccess: (r) => (message.success(t('files.opened')), void navigate(`/care/files/${r.id}`)), onError: (e) => message.error(e.message) })}
                data-testid={`open-file-${s.householdId}`}
              >
                {t('files.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta title={`${s.headName ?? '—'} · ${s.address}`} description={<Space size={4} wrap>{s.gridName && <Tag>{s.gridName}</Tag>}<Tags ns="categories" values={s.matchedTags} color="volcano" /></Space>} />
          </List.Item>
        )}
      />
    </Drawer>
  );
}

export default function CareFilesPage() {
  const t = useCareT();
  const { data: me } = useMe();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string>();
  const [condition, setCondition] = useState<string>();
  const [status, setStatus] = useState<Status>('active');
  const [suggesting, setSuggesting] = useState(false);
  const paging = useCursorPaging(20);
  const query = { q: q || undefined, category, condition, status: status === 'all' ? undefined : status };
  const files = useCareFiles({ ...query, cursor: paging.cursor, limit: paging.size });
  const refilter = (f: () => void) => (f(), paging.reset());
  // Restricted kinds are offered only to whoever can see them.
  const conditionKinds = care.model.conditionKinds.filter((k) => !care.model.isRestrictedKind(k) || can(me, 'care_condition.restricted'));

  const columns: TableColumnsType<CareFileListItem> = [
    { title: t('files.head'), dataIndex: 'headName', width: 120, render: (v: string | null, r) => <Link to={`/care/files/${r.id}`} className="care-strong-link" data-testid="care-file-link">{v ?? '—'}</Link> },
    { title: t('files.address'), dataIndex: 'address' },
    { title: t('files.grid'), dataIndex: 'gridName', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('files.members'), dataIndex: 'memberCount', width: 70, align: 'right', sorter: (a, b) => a.memberCount - b.memberCount },
    { title: t('files.categories'), dataIndex: 'categories', render: (v: string[]) => <Tags ns="categories" values={v} color="volcano" /> },
    { title: t('files.status'), dataIndex: 'status', width: 80, render: (v: string) => <Tag color={v === 'active' ? 'green' : 'default'}>{t(`fileStatus.${v}`)}</Tag> },
    { title: t('files.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v), sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt) },
  ];

  return (
    <PageContainer
      title={t('nav.careFiles')}
      description={t('navDescriptions.careFiles')}
      extra={can(me, 'care_file.manage') && <Button icon={<BulbOutlined />} onClick={() => setSuggesting(true)} data-testid="care-suggestions">{t('files.suggestions')}</Button>}
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <Segmented<Status> value={status} onChange={(v) => refilter(() => setStatus(v))} options={(['active', 'closed', 'all'] as const).map((s) => ({ value: s, label: s === 'all' ? t('common.all') : t(`fileStatus.${s}`) }))} />
            <Select allowClear className="toolbar-select" placeholder={t('files.category')} value={category} onChange={(v) => refilter(() => setCategory(v))} options={care.model.careCategories.map((c) => ({ value: c, label: t(`categories.${c}`) }))} data-testid="filter-category" />
            <Select allowClear className="toolbar-select" placeholder={t('files.condition')} value={condition} onChange={(v) => refilter(() => setCondition(v))} options={conditionKinds.map((c) => ({ value: c, label: t(`conditions.${c}`) }))} data-testid="filter-condition" />
            <Input.Search allowClear className="toolbar-search" placeholder={t('common.search')} onSearch={(v) => refilter(() => setQ(v.trim()))} data-testid="care-file-search" />
          </Space>
          <Tooltip title={t('file.exportHint')}>
            <Button icon={<DownloadOutlined />} href={exportUrl('/care-files/export', query)} data-testid="care-files-export">
              {t('common.export')}
            </Button>
          </Tooltip>
        </div>
        {files.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={files.error.message} />
        ) : (
          <>
            <Table<CareFileListItem> rowKey="id" size="middle" loading={files.isFetching} dataSource={files.data?.items ?? []} columns={columns} pagination={false} locale={{ emptyText: <Empty description={t('common.empty')} /> }} data-testid="care-files-table" />
            <CursorPager paging={paging} nextCursor={files.data?.nextCursor} shown={files.data?.items.length ?? 0} loading={files.isFetching} />
          </>
        )}
      </Card>
      <Suggestions open={suggesting} onClose={() => setSuggesting(false)} />
    </PageContainer>
  );
}
