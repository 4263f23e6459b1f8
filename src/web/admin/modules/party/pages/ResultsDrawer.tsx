/** Results of a closed round: participation, the distribution and average of each rating, grades per member, comments. */
import { Alert, Card, Descriptions, Drawer, List, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { percent } from '../components';
import { useResults, type EvaluationResults, type EvaluationRound } from '../data';
import { EChart } from '../EChart';

const grades = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;

export function ResultsDrawer({ round, onClose }: { round: EvaluationRound; onClose: () => void }) {
  const { t } = useTranslation('party');
  const results = useResults(round.id);
  const r = results.data;
  return (
    <Drawer open width={720} title={round.title} onClose={onClose} loading={results.isPending} data-testid="results-drawer">
      {r && (
        <>
          <Alert type="info" showIcon className="form-alert" message={t('evaluations.anonymous')} />
          <Descriptions column={3} size="small">
            <Descriptions.Item label={t('evaluations.participants')}>{r.participants}</Descriptions.Item>
            <Descriptions.Item label={t('evaluations.eligible')}>{r.eligibleCount}</Descriptions.Item>
            <Descriptions.Item label={t('evaluations.rate')}>{percent(r.participationRate)}</Descriptions.Item>
          </Descriptions>
          {r.questions.map((q) => <RatingCard key={q.key} q={q} />)}
          {r.subjects.length > 0 && (
            <Table
              size="small"
              rowKey="memberId"
              className="party-section"
              dataSource={r.subjects}
              pagination={{ pageSize: 10, size: 'small' }}
              columns={[
                { title: t('members.name'), dataIndex: 'name', width: 90 },
                ...grades.map((g) => ({
                  title: t(`grades.${g}`),
                  key: g,
                  sorter: (a: EvaluationResults['subjects'][number], b: EvaluationResults['subjects'][number]) => (a.rates[g] ?? 0) - (b.rates[g] ?? 0),
                  render: (_: unknown, s: EvaluationResults['subjects'][number]) => `${s.counts[g] ?? 0} (${percent(s.rates[g] ?? 0, 0)})`,
                })),
              ]}
            />
          )}
          {r.comments.length > 0 && <List className="party-section" size="small" header={t('evaluations.comments')} bordered dataSource={r.comments} renderItem={(c) => <List.Item>{c}</List.Item>} />}
        </>
      )}
    </Drawer>
  );
}

function RatingCard({ q }: { q: EvaluationResults['questions'][number] }) {
  const { t } = useTranslation('party');
  const values = ['5', '4', '3', '2', '1'];
  return (
    <Card size="small" className="party-section" title={q.text} extra={q.average !== null && t('evaluations.average', { value: q.average.toFixed(2) })}>
      <EChart
        height={160}
        option={{
          grid: { left: 40, right: 40, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: values.map((v) => t('evaluations.stars', { count: Number(v) })) },
          series: [{ type: 'bar', data: values.map((v) => q.counts[v] ?? 0), itemStyle: { color: '#c8161d' }, label: { show: true, position: 'right' } }],
        }}
      />
      <Progress percent={q.average ? Math.round((q.average / 5) * 100) : 0} showInfo={false} strokeColor="#c8161d" />
    </Card>
  );
}
