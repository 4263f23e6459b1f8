/**
 * One care file: the page that tells a caseworker everything about a household — who lives there
 * and their health, income and housing, needs, the assistance they receive, and every visit,
 * service, consolation and wish, newest first — with the file's history of changes.
 */
import { EditOutlined, FileAddOutlined, HistoryOutlined, MedicineBoxOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Result, Row, Space, Spin, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { PageContainer } from '../../../components/PageContainer';
import { ConditionTag, Money, StatusTag, Tags, useCareT } from '../components';
import { useCareFile } from '../data';
import type { CareFileView, CareMember, TimelineEntry } from '../types';
import { ConditionModal, EditFileModal, NewApplicationModal, VersionsDrawer } from './CareFileParts';
import '../care.css';

const timelineColor: Record<TimelineEntry['kind'], string> = { care_service: 'green', visit: 'blue', consolation: 'red', assistance_step: 'purple', wish: 'orange', file_version: 'gray' };

function timelineLabel(t: ReturnType<typeof useCareT>, e: TimelineEntry): string {
  switch (e.kind) {
    case 'care_service':
      return t(`serviceKinds.${e.label}`);
    case 'visit':
      return t(`visitKinds.${e.label}`, { defaultValue: t('timeline.visit') });
    case 'consolation':
      return `${t('timeline.consolation')} · ${t(`occasions.${e.label}`)}`;
    case 'assistance_step':
      return `${t(`assistanceKinds.${e.detail}`, { defaultValue: t('timeline.assistance_step') })} · ${t(`actions.${e.label}`)}`;
    case 'wish':
      return `${t('timeline.wish')} · ${t(`wishStatuses.${e.label}`)}`;
    case 'file_version':
      return `${t('timeline.file_version')} ${e.label}`;
    default: {
      const never: never = e.kind;
      return String(never);
    }
  }
}

function Household({ file }: { file: CareFileView }) {
  const t = useCareT();
  return (
    <Card variant="borderless" title={t('file.basic')} className="care-card">
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="care-file-basic">
        <Descriptions.Item label={t('files.categories')}><Tags ns="categories" values={file.categories} color="volcano" /></Descriptions.Item>
        <Descriptions.Item label={t('file.income')}><Money fen={file.monthlyIncomeFen} /></Descriptions.Item>
        <Descriptions.Item label={t('file.perCapita')}><Money fen={file.perCapitaIncomeFen} /></Descriptions.Item>
        <Descriptions.Item label={t('file.housing')}>{file.housingKind ? t(`housing.${file.housingKind}`) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('file.area')}>{file.housingAreaM2 ? t('file.areaValue', { area: file.housingAreaM2 }) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('file.needs')}><Tags ns="needs" values={file.needs} color="blue" /></Descriptions.Item>
        {file.incomeNotes && <Descriptions.Item label={t('file.incomeNotes')}>{file.incomeNotes}</Descriptions.Item>}
        {file.needsNotes && <Descriptions.Item label={t('file.needsNotes')}>{file.needsNotes}</Descriptions.Item>}
        <Descriptions.Item label={t('file.summary')} span="filled">{file.summary ?? '—'}</Descriptions.Item>
        {file.status === 'closed' && <Descriptions.Item label={t('file.closeReason')}>{file.closeReason ?? '—'}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

function Members({ file, onAddCondition }: { file: CareFileView; onAddCondition?: () => void }) {
  const t = useCareT();
  const columns: TableColumnsType<CareMember> = [
    { title: t('file.name'), dataIndex: 'name', width: 110, render: (v: string, m) => <span className={m.status === 'active' ? 'care-strong' : 'care-muted'}>{v}</span> },
    { title: t('file.relation'), dataIndex: 'relationToHead', width: 90, render: (v: string | null) => (v ? t(`relations.${v}`, { defaultValue: v }) : '—') },
    { title: t('file.gender'), dataIndex: 'gender', width: 60, render: (v: 'male' | 'female') => t(`file.${v}`) },
    { title: t('file.age'), dataIndex: 'age', width: 60, align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('file.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    { title: t('file.tags'), dataIndex: 'tags', render: (v: string[]) => <Tags ns="categories" values={v} /> },
    { title: t('file.conditions'), dataIndex: 'conditions', render: (v: CareMember['conditions']) => (v.length ? v.map((c) => <ConditionTag key={c.id} kind={c.kind} detail={c.detail} resolved={c.status === 'resolved'} />) : '—') },
  ];
  return (
    <Card
      variant="borderless"
      title={t('file.members')}
      className="care-card"
      extra={onAddCondition && <Button size="small" icon={<MedicineBoxOutlined />} onClick={onAddCondition} data-testid="add-condition">{t('file.addCondition')}</Button>}
    >
      <Table<CareMember> rowKey="residentId" size="small" pagination={false} dataSource={file.members} columns={columns} data-testid="care-members" />
    </Card>
  );
}

function Assistance({ file, onNew }: { file: CareFileView; onNew?: () => void }) {
  const t = useCareT();
  return (
    <Card variant="borderless" title={t('file.assistance')} className="care-card" extra={onNew && <Button size="small" icon={<FileAddOutlined />} onClick={onNew} data-testid="new-application">{t('file.newApplication')}</Button>}>
      <Table
        rowKey="id"
        size="small"
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        dataSource={file.assistance}
        locale={{ emptyText: <Empty description={t('common.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { title: t('applications.kind'), dataIndex: 'kind', render: (v: string, r) => <Link to={`/care/applications/${r.id}`}>{t(`assistanceKinds.${v}`)}</Link> },
          { title: t('applications.applicant'), dataIndex: 'applicantName' },
          { title: t('applications.status'), dataIndex: 'status', render: (v: Parameters<typeof StatusTag>[0]['status']) => <StatusTag status={v} /> },
          { title: t('applications.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number | null) => <Money fen={v} /> },
          { title: t('applications.startMonth'), dataIndex: 'startMonth', render: (v: string | null) => v ?? '—' },
          { title: t('applications.reviewDueOn'), dataIndex: 'reviewDueOn', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}

function CareTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useCareT();
  if (!entries.length) return <Empty description={t('file.noTimeline')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      className="care-timeline"
      data-testid="care-timeline"
      items={entries.map((e) => ({
        key: `${e.kind}-${e.refId}-${e.at}`,
        color: timelineColor[e.kind],
        children: (
          <div>
            <div className="care-timeline-head">
              <span className="care-strong">{timelineLabel(t, e)}</span>
              {e.amountFen !== null && e.kind !== 'wish' && <Money fen={e.amountFen} />}
            </div>
            {e.detail && e.kind !== 'assistance_step' && <div>{e.detail}</div>}
            <Typography.Text type="secondary" className="care-small">{[formatDateTime(e.at), e.by].filter(Boolean).join(' · ')}</Typography.Text>
          </div>
        ),
      }))}
    />
  );
}

export default function CareFilePage() {
  const t = useCareT();
  const { id } = useParams();
  const { data: me } = useMe();
  const file = useCareFile(id);
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const [condition, setCondition] = useState(false);
  const [applying, setApplying] = useState(false);
  if (file.isPending) return <Spin className="care-spin" />;
  if (file.isError) return <Result status={isApiError(file.error, 'not_found') ? '404' : 'error'} title={isApiError(file.error, 'not_found') ? t('file.notFound') : t('common.loadFailed')} subTitle={file.error.message} extra={<Link to="/care/files">{t('common.back')}</Link>} />;
  const f = file.data;
  const head = f.members.find((m) => m.status === 'active');
  const manage = can(me, 'care_file.manage');
  return (
    <PageContainer
      title={
        <Space>
          {t('file.title')} · {head?.name ?? '—'}
          <Tag color={f.status === 'active' ? 'green' : 'default'}>{t(`fileStatus.${f.status}`)}</Tag>
        </Space>
      }
      description={[f.address, f.gridName].filter(Boolean).join(' · ')}
      extra={
        <Space>
          <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)} data-testid="file-history">{t('file.history')}</Button>
          {manage && <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-file">{t('file.edit')}</Button>}
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" size={16} className="care-full">
            <Household file={f} />
            <Members file={f} onAddCondition={manage ? () => setCondition(true) : undefined} />
            <Assistance file={f} onNew={can(me, 'assistance.create') ? () => setApplying(true) : undefined} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card variant="borderless" title={t('file.timeline')} className="care-card">
            <CareTimeline entries={f.timeline} />
          </Card>
        </Col>
      </Row>
      <EditFileModal file={f} open={editing} onClose={() => setEditing(false)} />
      <ConditionModal file={f} open={condition} onClose={() => setCondition(false)} mayRestricted={can(me, 'care_condition.restricted')} />
      <NewApplicationModal file={f} open={applying} onClose={() => setApplying(false)} />
      <VersionsDrawer fileId={f.id} open={history} onClose={() => setHistory(false)} />
    </PageContainer>
  );
}
