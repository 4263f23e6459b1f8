/** 积分排名: members ranked by the sum of their ledger within each group (ties share a place). */
import { Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRanking } from '../data';

export function RankingTable({ communityId, orgId }: { communityId: string | undefined; orgId: string | undefined }) {
  const { t } = useTranslation('party');
  const ranking = useRanking({ communityId, orgId, top: 10 });
  const groups = ranking.data?.groups ?? [];
  if (!ranking.isPending && groups.length === 0) return <Empty description={t('points.empty')} />;
  return (
    <div className="party-ranking" data-testid="ranking">
      {groups.map((g) => (
        <Card key={g.orgId} size="small" title={g.orgName} extra={<Typography.Text type="secondary">{t('orgs.memberCount', { count: g.members })}</Typography.Text>}>
          <Table
            size="small"
            rowKey="memberId"
            pagination={false}
            dataSource={g.ranking}
            columns={[
              { title: t('points.rank'), dataIndex: 'rank', width: 70, render: (r: number) => <span className={`party-rank party-rank-${r}`}>{r}</span> },
              { title: t('members.name'), dataIndex: 'name' },
              { title: t('points.points'), dataIndex: 'points', width: 90, align: 'right' },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
