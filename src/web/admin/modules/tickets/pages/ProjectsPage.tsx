/**
 * 领办督办: projects led by party members and supervised by the community — status, progress,
 * milestones and the updates the leader reports. A drawer shows one project; the leader, the
 * supervisor and managers report progress there.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Drawer, Empty, Form, Input, InputNumber, Progress, Result, Select, Space, Steps, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { usePostProgress, useProject, useProjects, type ProjectItem } from '../data';
import { ProjectFormModal } from './ProjectFormModal';
import '../tickets.css';

type LooseT = (key: string) => string;
const statusColor = { planned: 'default', in_progress: 'processing', done: 'success', cancelled: 'default' } as const;

function ProgressForm({ projectId, milestones }: { projectId: string; milestones: Array<{ id: string; title: string; doneAt: string | null }> }) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const post = usePostProgress(projectId);
  const open = milestones.filter((m) => !m.doneAt);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v: { note: string; progress?: number; milestoneId?: string }) =>
        post.mutate(v, {
          onSuccess: () => {
            form.resetFields();
            void message.success(t('projects.posted'));
          },
          onError: (e) => void message.error(isApiError(e) ? e.message : String(e)),
        })
      }
      data-testid="progress-form"
    >
      <Form.Item name="note" label={t('projects.note')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Space wrap align="end">
        <Form.Item name="progress" label={t('projects.progress')}>
          <InputNumber min={0} max={100} suffix="%" />
        </Form.Item>
        {open.length > 0 && (
          <Form.Item name="milestoneId" label={t('projects.completeMilestone')}>
            <Select allowClear className="toolbar-select wide" options={open.map((m) => ({ value: m.id, label: m.title }))} />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={post.isPending}>
            {t('projects.postUpdate')}
          </Button>
        </Form.Item>
      </Space>
    </Form>
  );
}

function ProjectDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('tickets');
  const lt = t as unknown as LooseT;
  const project = useProject(id);
  const p = project.data;
  return (
    <Drawer open width={640} onClose={onClose} title={p?.title} loading={project.isPending} data-testid="project-drawer">
      {project.isError && <Result status="error" title={t('common.load')} subTitle={project.error.message} />}
      {p && (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('fields.status')}>
              <Tag color={statusColor[p.status]} bordered={false}>
                {lt(`projects.statuses.${p.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.progress')}>
              <Progress percent={p.progress} size="small" className="project-progress" />
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.source')}>
              {lt(`projects.sources.${p.source}`)}
              {p.sourceTicketId && (
                <>
                  {' · '}
                  <Link to={`/tickets/${p.sourceTicketId}`}>{t('projects.fromTicket')}</Link>
                </>
              )}
            </Descriptions.Item>
            {p.decisionNote && <Descriptions.Item label={t('projects.decisionNote')}>{p.decisionNote}</Descriptions.Item>}
            <Descriptions.Item label={t('projects.leader')}>{p.leader.name}</Descriptions.Item>
            <Descriptions.Item label={t('projects.supervisor')}>{p.supervisor.name}</Descriptions.Item>
            <Descriptions.Item label={t('projects.dueOn')}>{p.dueOn ?? t('common.none')}</Descriptions.Item>
          </Descriptions>
          {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
          <Typography.Title level={5}>{t('projects.milestones')}</Typography.Title>
          <Steps direction="vertical" size="small" items={p.milestoneList.map((m) => ({ title: m.title, status: m.doneAt ? 'finish' : 'wait', description: m.doneAt ? formatDateTime(m.doneAt) : (m.dueOn ?? '') }))} />
          {p.canProgress && p.status !== 'done' && p.status !== 'cancelled' && <ProgressForm projectId={p.id} milestones={p.milestoneList} />}
          <Typography.Title level={5}>{t('projects.updates')}</Typography.Title>
          {p.updates.length ? (
            <Timeline items={p.updates.map((u) => ({ children: <div><Typography.Text strong>{u.authorName}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(u.at)}{u.progress !== null ? ` · ${u.progress}%` : ''}</Typography.Text><div>{u.note}</div></div> }))} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </>
      )}
    </Drawer>
  );
}

export default function ProjectsPage() {
  const { t } = useTranslation('tickets');
  const lt = t as unknown as LooseT;
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const paging = useCursorPaging(20);
  const list = useProjects({ status, cursor: paging.cursor, limit: paging.size });
  const openId = params.get('open');
  const community = me?.roles.find((r) => r.orgKind === 'community')?.orgId;

  const columns: TableColumnsType<ProjectItem> = [
    { title: t('projects.title'), dataIndex: 'title', render: (v: string, r) => <Space direction="vertical" size={0}><Typography.Text strong>{v}</Typography.Text><Typography.Text type="secondary" className="small">{lt(`projects.sources.${r.source}`)}</Typography.Text></Space> },
    { title: t('fields.status'), dataIndex: 'status', width: 100, render: (s: ProjectItem['status']) => <Tag color={statusColor[s]} bordered={false}>{lt(`projects.statuses.${s}`)}</Tag> },
    { title: t('projects.progress'), dataIndex: 'progress', width: 180, sorter: (a, b) => a.progress - b.progress, render: (v: number) => <Progress percent={v} size="small" className="project-progress" /> },
    { title: t('projects.milestones'), key: 'ms', width: 90, render: (_, r) => `${r.milestonesDone}/${r.milestones}` },
    { title: t('projects.leader'), key: 'leader', width: 120, render: (_, r) => r.leader.name },
    { title: t('projects.supervisor'), key: 'sup', width: 200, render: (_, r) => r.supervisor.name },
    { title: t('projects.dueOn'), dataIndex: 'dueOn', width: 120, render: (v: string | null) => v ?? t('common.none') },
    { title: t('projects.isPublic'), dataIndex: 'isPublic', width: 100, render: (v: boolean) => <Checkbox checked={v} disabled /> },
  ];

  return (
    <PageContainer
      title={t('nav.projects')}
      description={t('projects.description')}
      extra={can(me, 'project.manage') && community && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-create">{t('projects.create')}</Button>}
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Select allowClear className="toolbar-select" placeholder={t('fields.status')} value={status} onChange={(v) => { setStatus(v); paging.reset(); }} options={(['planned', 'in_progress', 'done', 'cancelled'] as const).map((s) => ({ value: s, label: lt(`projects.statuses.${s}`) }))} />
        </div>
        {list.isError ? (
          <Result status="error" title={t('common.load')} subTitle={list.error.message} />
        ) : (
          <>
            <Table<ProjectItem> rowKey="id" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns} pagination={false} rowClassName="clickable-row" onRow={(r) => ({ onClick: () => setParams({ open: r.id }) })} locale={{ emptyText: <Empty description={t('projects.empty')} /> }} data-testid="projects-table" />
            <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
          </>
        )}
      </Card>
      {openId && <ProjectDrawer id={openId} onClose={() => setParams({})} />}
      {creating && <ProjectFormModal communityId={community} onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
