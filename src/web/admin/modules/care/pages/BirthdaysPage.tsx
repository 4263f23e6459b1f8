/** 集体生日: this month's birthdays of left-behind children and elderly, and the invitation list to print. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Result, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageContainer } from '../../../components/PageContainer';
import { useCareT } from '../components';
import { exportUrl, useBirthdays } from '../data';
import type { BirthdayList } from '../types';
import '../care.css';

type Group = 'all' | 'left_behind_child' | 'elderly';
type Person = BirthdayList['items'][number];

export default function BirthdaysPage() {
  const t = useCareT();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [group, setGroup] = useState<Group>('all');
  const query = { month: month ? month.format('YYYY-MM') : undefined, group };
  const list = useBirthdays(query);
  const shown = list.data?.month ?? month?.format('YYYY-MM');
  return (
    <PageContainer
      title={t('nav.careBirthdays')}
      description={t('navDescriptions.careBirthdays')}
      extra={<Button type="primary" icon={<DownloadOutlined />} href={exportUrl('/care/birthdays/export', { ...query, month: shown })} data-testid="birthdays-export">{t('birthdays.exportInvitations')}</Button>}
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <DatePicker picker="month" value={month ?? (shown ? dayjs(`${shown}-01`) : null)} onChange={setMonth} allowClear={false} />
            <Segmented<Group> value={group} onChange={setGroup} options={(['all', 'left_behind_child', 'elderly'] as const).map((g) => ({ value: g, label: g === 'all' ? t('common.all') : t(`groups.${g}`) }))} />
          </Space>
          <Typography.Text type="secondary">{t('birthdays.count', { count: list.data?.items.length ?? 0 })}</Typography.Text>
        </div>
        {list.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={list.error.message} />
        ) : (
          <Table<Person>
            rowKey="residentId"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={t('birthdays.empty')} /> }}
            data-testid="birthdays-table"
            columns={[
              { title: t('birthdays.name'), dataIndex: 'name', width: 120 },
              { title: t('birthdays.birthday'), dataIndex: 'birthDate', width: 110, render: (v: string) => v.slice(5) },
              { title: t('birthdays.turning'), dataIndex: 'ageTurning', width: 80, align: 'right' },
              { title: t('birthdays.group'), dataIndex: 'group', width: 120, render: (v: Person['group']) => <Tag color={v === 'elderly' ? 'orange' : 'blue'}>{t(`groups.${v}`)}</Tag> },
              { title: t('birthdays.address'), dataIndex: 'address' },
              { title: t('birthdays.grid'), dataIndex: 'gridName', width: 140, render: (v: string | null) => v ?? '—' },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
