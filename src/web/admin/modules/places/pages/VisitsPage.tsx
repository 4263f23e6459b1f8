/**
 * 走访: who is due or overdue for a home visit (by the per-tag rules, routed to the backup while a
 * primary is on leave), the visit records, and the visit rules per tag.
 */
import { FormOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, InputNumber, Modal, Radio, Result, Segmented, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../../shared/format';
import { can, hasRole, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, GridSelect, ResidentTags, useCommunityChoice, usePlacesT } from '../components/common';
import { ResidentDrawer } from '../components/ResidentDrawer';
import { placesApi, useDueVisits, useGrids, usePlacesMutation, useVisitRules, useVisits, type DueVisit, type Visit, type VisitRule } from '../data';
import '../places.css';

const visitKinds = ['routine', 'care', 'survey', 'follow_up', 'other'] as const;

/** Records a visit from the desk (the phone page is the usual way; this is for staff who went along). */
function RecordVisitModal({ due, onClose }: { due: DueVisit | null; onClose: () => void }) {
  const t = usePlacesT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: string; findings?: string; followUpNeeded: boolean }>();
  const create = usePlacesMutation(placesApi.createVisit);
  return (
    <Modal open={!!due} title={due ? t('visits.recordTitle', { name: due.name }) : ''} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      {due && <Typography.Paragraph type="secondary">{due.address}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'routine', followUpNeeded: false }}
        onFinish={(v) =>
          create.mutate(
            { householdId: due!.householdId, residentId: due!.residentId, kind: v.kind, findings: v.findings?.trim() ?? '', followUpNeeded: v.followUpNeeded },
            { onSuccess: () => (message.success(t('visits.recorded')), onClose()), onError: (e) => message.error(e.message) },
          )
        }
      >
        <Form.Item name="kind" label={t('visits.kind')}>
          <Radio.Group optionType="button" options={visitKinds.map((k) => ({ value: k, label: t(`visitKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="findings" label={t('visits.findings')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="followUpNeeded" valuePropName="checked">
          <Checkbox>{t('visits.followUpYes')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DueTab({ communityId, onOpen }: { communityId?: string; onOpen: (id: string) => void }) {
  const t = usePlacesT();
  const { data: me } = useMe();
  const grids = useGrids(communityId);
  const onDuty = hasRole(me, 'grid_worker');
  const [gridId, setGridId] = useState<string>();
  const [days, setDays] = useState(0);
  useEffect(() => {
    if (!onDuty && !gridId) setGridId(grids.data?.find((g) => g.level === 1)?.id);
  }, [onDuty, gridId, grids.data]);
  const due = useDueVisits({ gridId, days }, onDuty || !!gridId);
  const [recording, setRecording] = useState<DueVisit | null>(null);
  const mayRecord = can(me, 'visit.create');
  const columns: TableColumnsType<DueVisit> = [
    { title: t('residents.name'), dataIndex: 'name', width: 100, render: (v: string, r) => <Button type="link" size="small" onClick={() => onOpen(r.residentId)}>{v}</Button> },
    { title: t('residents.age'), dataIndex: 'age', width: 60, align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('residents.tags'), dataIndex: 'tags', render: (v: string[]) => <ResidentTags values={v} /> },
    { title: t('residents.address'), dataIndex: 'address' },
    { title: t('residents.grid'), dataIndex: 'gridName', width: 110, render: (v: string, r) => <Space size={4}>{v}{r.standIn && <Tag color="orange">{t('visits.standIn')}</Tag>}</Space> },
    { title: t('visits.interval'), dataIndex: 'intervalDays', width: 90, render: (v: number) => t('visits.everyDays', { count: v }) },
    { title: t('visits.lastVisit'), dataIndex: 'lastVisitAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('visits.never')}</Typography.Text>) },
    {
      title: t('visits.dueOn'),
      dataIndex: 'dueOn',
      width: 200,
      sorter: (a, b) => a.dueOn.localeCompare(b.dueOn),
      render: (v: string, r) => <Space size={4}>{v}{r.overdueDays > 0 ? <Tag color="red">{t('visits.overdue', { count: r.overdueDays })}</Tag> : <Tag color="blue">{t('visits.comingDue')}</Tag>}</Space>,
    },
    ...(mayRecord
      ? [{ title: t('common.actions'), key: 'record', width: 110, render: (_v: unknown, r: DueVisit) => <Button size="small" icon={<FormOutlined />} onClick={() => setRecording(r)}>{t('visits.record')}</Button> }]
      : []),
  ];
  return (
    <>
      <div className="table-toolbar">
        <Space wrap>
          <GridSelect anyLevel communityId={communityId} className="toolbar-select" value={gridId} onChange={setGridId} allowClear={onDuty} placeholder={onDuty ? t('visits.myGrids') : t('residents.grid')} />
          <Segmented<number> value={days} onChange={setDays} options={[{ value: 0, label: t('visits.dueNow') }, { value: 7, label: t('visits.within', { count: 7 }) }, { value: 30, label: t('visits.within', { count: 30 }) }]} />
        </Space>
        <Typography.Text type="secondary">{t('common.total', { count: due.data?.length ?? 0 })}</Typography.Text>
      </div>
      {due.isError ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={due.error.message} />
      ) : (
        <Table<DueVisit>
          rowKey="residentId"
          size="middle"
          loading={due.isFetching}
          dataSource={due.data ?? []}
          columns={columns}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('visits.noneDue')} /> }}
          data-testid="due-table"
        />
      )}
      <RecordVisitModal due={recording} onClose={() => setRecording(null)} />
    </>
  );
}

function RecordsTab({ communityId, onOpen }: { communityId?: string; onOpen: (id: string) => void }) {
  const t = usePlacesT();
  const [gridId, setGridId] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [followUp, setFollowUp] = useState<string>();
  const paging = useCursorPaging(20);
  const refilter = (f: () => void) => (f(), paging.reset());
  const visits = useVisits({ gridId, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'), followUpNeeded: followUp, cursor: paging.cursor, limit: paging.size });
  const columns: TableColumnsType<Visit> = [
    { title: t('visits.visitedAt'), dataIndex: 'visitedAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('residents.address'), dataIndex: 'address', width: 220 },
    { title: t('visits.resident'), dataIndex: 'residentName', width: 90, render: (v: string | null, r) => (v && r.residentId ? <Button type="link" size="small" onClick={() => onOpen(r.residentId!)}>{v}</Button> : '—') },
    { title: t('visits.kind'), dataIndex: 'kind', width: 90, render: (v: string) => <Tag bordered={false}>{t(`visitKinds.${v}`)}</Tag> },
    { title: t('visits.findings'), dataIndex: 'findings', render: (v: string) => v || '—' },
    { title: t('visits.followUp'), dataIndex: 'followUpNeeded', width: 90, render: (v: boolean) => (v ? <Tag color="red">{t('visits.followUpYes')}</Tag> : '—') },
    { title: t('visits.visitor'), dataIndex: 'visitorName', width: 100 },
  ];
  return (
    <>
      <div className="table-toolbar">
        <Space wrap>
          <GridSelect anyLevel communityId={communityId} className="toolbar-select" value={gridId} onChange={(v) => refilter(() => setGridId(v))} placeholder={t('residents.grid')} />
          <DatePicker.RangePicker value={range} onChange={(v) => refilter(() => setRange(v))} />
          <Select
            allowClear
            className="toolbar-select"
            placeholder={t('visits.followUp')}
            value={followUp}
            onChange={(v) => refilter(() => setFollowUp(v))}
            options={[{ value: 'true', label: t('visits.followUpYes') }, { value: 'false', label: t('visits.followUpNo') }]}
          />
        </Space>
      </div>
      {visits.isError ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={visits.error.message} />
      ) : (
        <>
          <Table<Visit> rowKey="id" size="middle" loading={visits.isFetching} dataSource={visits.data?.items ?? []} columns={columns} pagination={false} locale={{ emptyText: <Empty description={t('visits.noRecords')} /> }} data-testid="visits-table" />
          <CursorPager paging={paging} nextCursor={visits.data?.nextCursor} shown={visits.data?.items.length ?? 0} loading={visits.isFetching} />
        </>
      )}
    </>
  );
}

function RuleEditor({ rule, communityId }: { rule: VisitRule; communityId: string }) {
  const t = usePlacesT();
  const { message } = App.useApp();
  const [value, setValue] = useState<number | null>(rule.intervalDays);
  const save = usePlacesMutation(placesApi.setRule);
  const set = (intervalDays: number | null) => save.mutate({ tag: rule.tag, communityId, intervalDays }, { onSuccess: () => message.success(t('rules.saved')), onError: (e) => message.error(e.message) });
  return (
    <Space>
      <Space.Compact>
        <InputNumber min={1} max={366} value={value} onChange={setValue} data-testid={`rule-${rule.tag}`} />
        <Button disabled>{t('rules.days')}</Button>
      </Space.Compact>
      <Button size="small" type="primary" disabled={!value || value === rule.intervalDays} loading={save.isPending} onClick={() => set(value)} data-testid={`rule-save-${rule.tag}`}>
        {t('common.save')}
      </Button>
      {!rule.isDefault && (
        <Button size="small" onClick={() => set(null)} loading={save.isPending}>
          {t('rules.reset')}
        </Button>
      )}
    </Space>
  );
}

function RulesTab({ communityId }: { communityId?: string }) {
  const t = usePlacesT();
  const { data: me } = useMe();
  const rules = useVisitRules(communityId);
  const mayEdit = can(me, 'visit_rule.manage');
  if (!communityId) return <Empty description={t('rules.pickCommunity')} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('rules.hint')}</Typography.Paragraph>
      <Table<VisitRule>
        rowKey="tag"
        size="middle"
        loading={rules.isPending}
        dataSource={rules.data ?? []}
        pagination={false}
        columns={[
          { title: t('residents.tags'), dataIndex: 'tag', width: 200, render: (v: string) => <ResidentTags values={[v]} /> },
          { title: t('rules.interval'), dataIndex: 'intervalDays', render: (v: number, r) => (mayEdit ? <RuleEditor key={`${r.tag}-${v}`} rule={r} communityId={communityId} /> : t('visits.everyDays', { count: v })) },
          { title: t('rules.source'), dataIndex: 'isDefault', width: 120, render: (v: boolean) => (v ? <Tag>{t('rules.default')}</Tag> : <Tag color="blue">{t('rules.custom')}</Tag>) },
        ]}
        data-testid="rules-table"
      />
    </>
  );
}

export default function VisitsPage() {
  const t = usePlacesT();
  const { data: me } = useMe();
  const choice = useCommunityChoice();
  const [open, setOpen] = useState<string>();
  const mayRules = can(me, ['visit_rule.manage', 'visit.read']) && choice.communities.length > 0;
  return (
    <PageContainer title={t('nav.placesVisits')} description={t('navDescriptions.placesVisits')} extra={<CommunitySelect choice={choice} />}>
      <Card variant="borderless">
        <Tabs
          items={[
            { key: 'due', label: t('visits.dueTab'), children: <DueTab key={choice.communityId} communityId={choice.communityId} onOpen={setOpen} /> },
            { key: 'records', label: t('visits.recordsTab'), children: <RecordsTab communityId={choice.communityId} onOpen={setOpen} /> },
            ...(mayRules ? [{ key: 'rules', label: t('visits.rulesTab'), children: <RulesTab communityId={choice.communityId} /> }] : []),
          ]}
        />
      </Card>
      <ResidentDrawer id={open} onClose={() => setOpen(undefined)} />
    </PageContainer>
  );
}
