/** 查看异常: accounts that revealed ID numbers or phones more often than the hourly threshold (for the security admin). */
import { Card, Empty, Result, Table, Tag } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { places } from '../../../../../contracts';
import { api } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import type { Page, Wire } from '../../../../shared/types';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { usePlacesT } from '../components/common';
import { placesKey } from '../data';

type Alert = Wire<z.infer<typeof places.RevealAlertView>>;

export default function RevealAlertsPage() {
  const t = usePlacesT();
  const paging = useCursorPaging(20);
  const alerts = useQuery({
    queryKey: [...placesKey, 'reveal-alerts', paging.cursor, paging.size],
    queryFn: ({ signal }) => api.get<Page<Alert>>('/reveal-alerts', { query: { cursor: paging.cursor, limit: paging.size }, signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('nav.placesRevealAlerts')} description={t('navDescriptions.placesRevealAlerts')}>
      <Card variant="borderless">
        {alerts.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={alerts.error.message} />
        ) : (
          <>
            <Table<Alert>
              rowKey="id"
              size="middle"
              loading={alerts.isFetching}
              dataSource={alerts.data?.items ?? []}
              pagination={false}
              locale={{ emptyText: <Empty description={t('alerts.empty')} /> }}
              columns={[
                { title: t('alerts.account'), dataIndex: 'displayName', render: (v: string, a) => `${v}（${a.username}）` },
                { title: t('alerts.window'), dataIndex: 'windowStart', render: (v: string) => formatDateTime(v) },
                { title: t('alerts.reveals'), dataIndex: 'reveals', align: 'right', render: (v: number) => <Tag color="red">{v}</Tag> },
                { title: t('alerts.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              ]}
              data-testid="reveal-alerts-table"
            />
            <CursorPager paging={paging} nextCursor={alerts.data?.nextCursor} shown={alerts.data?.items.length ?? 0} loading={alerts.isFetching} />
          </>
        )}
      </Card>
    </PageContainer>
  );
}
