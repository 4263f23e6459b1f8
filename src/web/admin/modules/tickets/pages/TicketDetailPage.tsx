/**
 * One ticket: what the resident reported (photos, place, caller — masked unless you are the
 * assignee), the buttons the state table allows you, possible duplicates to merge, and the public
 * timeline. Taking a ticket further into a 领办督办 project starts here too.
 */
import { ArrowLeftOutlined, EyeOutlined, MergeCellsOutlined, ProjectOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Image, List, Popconfirm, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { PageContainer } from '../../../components/PageContainer';
import { DueCell, shortId, StatusTag, TicketTimeline, useTicketLabels } from '../components';
import { useRevealContact, useTicket, useTicketAction, useTransitions, type Ticket, type TicketAction } from '../data';
import { ActionModal } from './ActionModal';
import { ProjectFormModal } from './ProjectFormModal';
import '../tickets.css';

function useNeeds(ticket: Ticket | undefined) {
  const transitions = useTransitions();
  return (action: TicketAction): string[] =>
    [...new Set((transitions.data ?? []).filter((x) => x.from === ticket?.status && x.action === action).flatMap((x) => x.needs))];
}

function ActionBar({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const needsOf = useNeeds(ticket);
  const direct = useTicketAction(ticket.id);
  const [open, setOpen] = useState<TicketAction | null>(null);
  // Merging is offered next to the duplicate it merges into.
  const actions = ticket.actions.filter((a) => a !== 'merge');
  if (actions.length === 0) return <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>;
  return (
    <Space wrap>
      {actions.map((action) =>
        needsOf(action).length === 0 ? (
          <Popconfirm
            key={action}
            title={t('act.confirm', { action: labels.action(action) })}
            okText={t('common.submit')}
            cancelText={t('common.cancel')}
            onConfirm={() => direct.mutate({ action, body: {} }, { onSuccess: () => void message.success(t('act.done', { action: labels.action(action) })), onError: (e) => void message.error(e.message) })}
          >
            <Button type={action === 'accept' ? 'primary' : 'default'} data-testid={`action-${action}`}>
              {labels.action(action)}
            </Button>
          </Popconfirm>
        ) : (
          <Button key={action} type={action === 'resolve' ? 'primary' : 'default'} danger={action === 'return'} onClick={() => setOpen(action)} data-testid={`action-${action}`}>
            {labels.action(action)}
          </Button>
        ),
      )}
      {open && <ActionModal ticket={ticket} action={open} needs={needsOf(open)} onClose={() => setOpen(null)} />}
    </Space>
  );
}

function Submitter({ ticket, mine }: { ticket: Ticket; mine: boolean }) {
  const { t } = useTranslation('tickets');
  const reveal = useRevealContact(ticket.id);
  return (
    <Space wrap>
      <span>{ticket.submitter.name ?? t('common.none')}</span>
      {ticket.submitter.phone && <Typography.Text className="mono">{reveal.data?.phone ?? ticket.submitter.phone}</Typography.Text>}
      {mine && ticket.submitter.phone && !reveal.data && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => reveal.mutate()} loading={reveal.isPending} data-testid="reveal-contact">
          {t('detail.reveal')}
        </Button>
      )}
      {reveal.data && <Tag bordered={false}>{t('detail.revealed')}</Tag>}
    </Space>
  );
}

function Duplicates({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const merge = useTicketAction(ticket.id);
  if (!ticket.duplicateCandidates.length || !ticket.actions.includes('merge')) return null;
  return (
    <Card title={t('detail.duplicates')} variant="borderless" className="ticket-card" data-testid="duplicates">
      <Typography.Paragraph type="secondary">{t('detail.duplicatesHint')}</Typography.Paragraph>
      <List
        dataSource={ticket.duplicateCandidates}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Popconfirm key="merge" title={t('detail.mergeInto')} onConfirm={() => merge.mutate({ action: 'merge', body: { intoId: d.id } }, { onSuccess: () => void message.success(t('act.done', { action: labels.action('merge') })) })}>
                <Button size="small" icon={<MergeCellsOutlined />} data-testid="merge-into">
                  {t('detail.mergeInto')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={`/tickets/${d.id}`}>{d.description}</Link>}
              description={
                <Space size={8}>
                  <StatusTag status={d.status} />
                  <span>{formatDateTime(d.createdAt)}</span>
                  <span>{t('detail.similarity', { value: Math.round(d.similarity * 100) })}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function TicketDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const ticket = useTicket(id);
  const [project, setProject] = useState(false);
  if (ticket.isPending) return <Spin className="fullscreen-center" />;
  if (ticket.isError) {
    return <Result status={isApiError(ticket.error, 'not_found') ? '404' : 'error'} title={isApiError(ticket.error, 'not_found') ? t('detail.notFound') : t('common.load')} extra={<Button onClick={() => void navigate('/tickets')}>{t('detail.back')}</Button>} />;
  }
  const x = ticket.data;
  const mine = x.assignee?.accountId === me?.id;

  return (
    <PageContainer
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/tickets')} aria-label={t('detail.back')} />
          {labels.category(x.category.key, x.category.name)} · {shortId(x.id)}
          <StatusTag status={x.status} />
        </Space>
      }
      description={x.description}
      extra={
        can(me, 'project.manage') && !x.projectId && ['submitted', 'accepted', 'reopened'].includes(x.status) ? (
          <Button icon={<ProjectOutlined />} onClick={() => setProject(true)} data-testid="to-project">
            {t('detail.toProject')}
          </Button>
        ) : undefined
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          {x.mergedIntoId && <Alert className="page-alert" type="info" showIcon message={t('detail.mergedInto')} action={<Link to={`/tickets/${x.mergedIntoId}`}>{t('detail.openMaster')}</Link>} />}
          {x.projectId && <Alert className="page-alert" type="success" showIcon message={t('detail.project')} action={<Link to={`/projects?open=${x.projectId}`}>{t('detail.openProject')}</Link>} />}
          {x.reopenCount > 0 && <Alert className="page-alert" type="warning" showIcon message={t('detail.reopened', { count: x.reopenCount })} />}
          <Card title={t('detail.actions')} variant="borderless" className="ticket-card">
            <ActionBar ticket={x} />
            {x.rateUntil && <Typography.Paragraph type="secondary" className="ticket-hint">{t('detail.rateUntil', { when: formatDateTime(x.rateUntil) })}</Typography.Paragraph>}
          </Card>
          <Card title={t('detail.summary')} variant="borderless" className="ticket-card">
            <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="ticket-summary">
              <Descriptions.Item label={t('fields.kind')}>{labels.kind(x.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.channel')}>{labels.channel(x.channel)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.community')}>{x.communityName}</Descriptions.Item>
              <Descriptions.Item label={t('fields.grid')}>{x.gridName ?? t('common.none')}</Descriptions.Item>
              <Descriptions.Item label={t('fields.building')}>{x.buildingLabel ?? t('common.none')}</Descriptions.Item>
              <Descriptions.Item label={t('fields.location')}>{x.location ?? t('common.none')}</Descriptions.Item>
              <Descriptions.Item label={t('fields.submitter')}>
                <Submitter ticket={x} mine={mine} />
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.assignee')}>
                {x.assignee ? `${x.assignee.name}${x.assignee.standIn ? ` (${t('standIn')})` : ''}` : t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.dueAt')}>
                <DueCell dueAt={x.dueAt} overdue={x.overdue} escalationLevel={x.escalationLevel} />
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.createdAt')}>{formatDateTime(x.createdAt)}</Descriptions.Item>
              {x.resolution && <Descriptions.Item label={t('fields.resolution')} span={2}>{x.resolution}</Descriptions.Item>}
              {x.returnReason && <Descriptions.Item label={t('fields.returnReason')} span={2}>{x.returnReason}</Descriptions.Item>}
              {x.rating !== null && (
                <Descriptions.Item label={t('fields.rating')} span={2}>
                  {'★'.repeat(x.rating)}
                  {'☆'.repeat(5 - x.rating)} {x.ratingComment}
                </Descriptions.Item>
              )}
            </Descriptions>
            {x.photoIds.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap className="ticket-photos">
                  {x.photoIds.map((p) => (
                    <Image key={p} width={120} height={120} className="ticket-photo" src={`/api/v1/tickets/${x.id}/photos/${p}`} alt={t('fields.photos')} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
            {x.mergedCount > 0 && <Tag color="purple" bordered={false}>{t('detail.mergedCount', { count: x.mergedCount })}</Tag>}
          </Card>
          <Duplicates ticket={x} />
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('detail.timeline')} variant="borderless" className="ticket-card">
            {x.timeline.length ? <TicketTimeline events={x.timeline} testId="ticket-timeline" /> : <Empty />}
          </Card>
        </Col>
      </Row>
      {project && <ProjectFormModal ticket={x} onClose={() => setProject(false)} />}
    </PageContainer>
  );
}
