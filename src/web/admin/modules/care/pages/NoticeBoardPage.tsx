/**
 * 公示栏: what a community has on public notice now, exactly as the public endpoint publishes it —
 * masked name, kind, proposed amount and the notice period; never an ID number or an address.
 * Printable for the board outside the community office.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Result, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../../shared/format';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, Money, useCareT } from '../components';
import { useCommunities, useNotices } from '../data';
import type { NoticeBoard } from '../types';
import '../care.css';

type Item = NoticeBoard['items'][number];

export default function NoticeBoardPage() {
  const t = useCareT();
  const communities = useCommunities();
  const [communityId, setCommunityId] = useState<string>();
  useEffect(() => {
    if (!communityId && communities.data?.[0]) setCommunityId(communities.data[0].id);
  }, [communities.data, communityId]);
  const board = useNotices(communityId);
  return (
    <PageContainer
      title={t('nav.careNotices')}
      description={t('navDescriptions.careNotices')}
      extra={
        <Space>
          <CommunitySelect communities={communities.data ?? []} value={communityId} onChange={setCommunityId} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>{t('notices.print')}</Button>
        </Space>
      }
    >
      <Card variant="borderless" className="care-notice" title={board.data ? `${board.data.communityName} · ${t('notices.title')}` : t('notices.title')}>
        <Alert type="info" showIcon message={t('notices.hint')} className="care-alert" />
        {board.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={board.error.message} />
        ) : (
          <Table<Item>
            rowKey="id"
            size="middle"
            loading={board.isFetching}
            pagination={false}
            dataSource={board.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('notices.empty')} /> }}
            data-testid="notice-board"
            columns={[
              { title: t('notices.name'), dataIndex: 'maskedName', width: 140 },
              { title: t('notices.kind'), dataIndex: 'kind', width: 140, render: (v: string) => t(`assistanceKinds.${v}`) },
              { title: t('notices.amount'), dataIndex: 'amountFen', width: 160, align: 'right', render: (v: number | null) => <Money fen={v} /> },
              { title: t('notices.period'), key: 'period', render: (_, r) => `${formatDateTime(r.noticeStartsAt)} – ${formatDateTime(r.noticeEndsAt)}` },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
