/** 党建概览: the figures of every community in the caller's scope — members by membership, groups, report-ins, claims, lectures, meetings. No names. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../../../shared/csv';
import { PageContainer } from '../../../components/PageContainer';
import { percent } from '../components';
import { useOverview, type OverviewRow } from '../data';

const figures = ['members', 'registered', 'reporting', 'mobile', 'groups', 'pendingReportIns', 'claims', 'claimsDone', 'lecturesHeld', 'jointMeetings'] as const;

export default function OverviewPage() {
  const { t } = useTranslation('party');
  const overview = useOverview();
  const columns: TableColumnsType<OverviewRow> = [
    { title: t('overview.community'), dataIndex: 'communityName', fixed: 'left', width: 160 },
    ...figures.map((k) => ({ title: t(`overview.${k}`), dataIndex: k, align: 'right' as const, sorter: (a: OverviewRow, b: OverviewRow) => a[k] - b[k] })),
    { title: t('overview.attendanceRate'), dataIndex: 'attendanceRate', align: 'right', render: (v: number, r) => (r.lecturesHeld ? percent(v) : '—') },
  ];
  const exportAll = () =>
    downloadCsv(`party-overview-${new Date().toISOString().slice(0, 10)}.csv`, [t('overview.community'), ...figures.map((k) => t(`overview.${k}`)), t('overview.attendanceRate')],
      (overview.data ?? []).map((r) => [r.communityName, ...figures.map((k) => r[k]), r.lecturesHeld ? percent(r.attendanceRate) : '']));
  return (
    <PageContainer title={t('nav.partyOverview')} description={t('overview.description')} extra={<Button icon={<DownloadOutlined />} onClick={exportAll} disabled={!overview.data?.length}>{t('common.export')}</Button>}>
      <Card variant="borderless">
        <Table<OverviewRow> rowKey="communityId" loading={overview.isPending} dataSource={overview.data ?? []} columns={columns} pagination={false} scroll={{ x: 1300 }} data-testid="overview-table" />
      </Card>
    </PageContainer>
  );
}
