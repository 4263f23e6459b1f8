/**
 * 民主测评: rounds on a lecture or the annual grading of members; results only after closing, as
 * counts and rates — the API has no way to read one ballot.
 */
import { BarChartOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Progress, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, useCommunity } from '../components';
import { partyKey, useRounds, type EvaluationRound } from '../data';
import { ResultsDrawer } from './ResultsDrawer';
import { RoundFormModal } from './RoundFormModal';
import { useQueryClient } from '@tanstack/react-query';

const stateColor = { upcoming: 'default', open: 'processing', closed: 'success' } as const;

export default function EvaluationsPage() {
  const { t } = useTranslation('party');
  const { message } = App.useApp();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [communityId, setCommunityId] = useCommunity();
  const paging = useCursorPaging(20);
  const rounds = useRounds({ communityId, cursor: paging.cursor, limit: paging.size });
  const [creating, setCreating] = useState(false);
  const [results, setResults] = useState<EvaluationRound | null>(null);
  const manage = can(me, 'evaluation.manage');

  const close = async (r: EvaluationRound) => {
    try {
      await api.post(`/evaluation-rounds/${r.id}/close`);
      await queryClient.invalidateQueries({ queryKey: partyKey });
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  const columns: TableColumnsType<EvaluationRound> = [
    { title: t('evaluations.title'), dataIndex: 'title', render: (v: string, r) => <Space direction="vertical" size={0}><strong>{v}</strong>{r.lectureTitle && <span className="small">{r.lectureTitle}</span>}</Space> },
    { title: t('evaluations.kind'), dataIndex: 'kind', width: 110, render: (v: EvaluationRound['kind']) => t(`evaluationKinds.${v}`) },
    { title: t('evaluations.period'), key: 'p', width: 260, render: (_, r) => `${formatDateTime(r.opensAt)} – ${formatDateTime(r.closesAt)}` },
    { title: t('evaluations.participation'), key: 'part', width: 200, render: (_, r) => <Progress size="small" percent={r.eligibleCount ? Math.round((r.participants / r.eligibleCount) * 100) : 0} format={() => `${r.participants}/${r.eligibleCount}`} /> },
    { title: t('evaluations.state'), dataIndex: 'state', width: 90, render: (v: EvaluationRound['state']) => <Tag color={stateColor[v]} bordered={false}>{t(`evaluationStates.${v}`)}</Tag> },
    {
      title: t('common.actions'),
      key: 'a',
      width: 180,
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<BarChartOutlined />} disabled={r.state !== 'closed'} onClick={() => setResults(r)} data-testid={`results-${r.title}`}>{t('evaluations.results')}</Button>
          {manage && r.state !== 'closed' && (
            <Popconfirm title={t('evaluations.closeConfirm')} onConfirm={() => void close(r)}>
              <Button type="link" size="small" danger icon={<StopOutlined />}>{t('evaluations.close')}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('nav.partyEvaluations')}
      description={t('evaluations.description')}
      extra={<Space><CommunitySelect value={communityId} onChange={setCommunityId} />{manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('evaluations.create')}</Button>}</Space>}
    >
      <Card variant="borderless">
        <Table<EvaluationRound> rowKey="id" loading={rounds.isFetching} dataSource={rounds.data?.items ?? []} columns={columns} pagination={false} data-testid="rounds-table" locale={{ emptyText: <Empty description={t('evaluations.empty')} /> }} />
        <CursorPager paging={paging} nextCursor={rounds.data?.nextCursor} shown={rounds.data?.items.length ?? 0} loading={rounds.isFetching} />
      </Card>
      {creating && <RoundFormModal communityId={communityId} onClose={() => setCreating(false)} />}
      {results && <ResultsDrawer round={results} onClose={() => setResults(null)} />}
    </PageContainer>
  );
}
