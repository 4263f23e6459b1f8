/**
 * One application: the step bar (draft → submitted → community review → notice → street review →
 * approved), what was applied for, the buttons the caller may press now (from the server's
 * state machine), objections raised during the notice, and every step taken.
 */
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Result, Row, Space, Spin, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { care } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { showFieldErrors } from '../../../components/forms';
import { PageContainer } from '../../../components/PageContainer';
import { ApplicationSteps, Money, StatusTag, useCareT } from '../components';
import { careApi, useApplication, useCareMutation } from '../data';
import { yuan, type ApplicationView, type AssistanceAction } from '../types';
import '../care.css';

/** What each step asks for besides a confirmation. */
const needs: Partial<Record<AssistanceAction, Array<'amount' | 'startMonth' | 'reason' | 'note'>>> = {
  accept: ['note'],
  publish_notice: ['amount', 'note'],
  forward: ['note'],
  approve: ['amount', 'startMonth', 'note'],
  reject: ['reason'],
};

function ActionModal({ app, action, onClose }: { app: ApplicationView; action: AssistanceAction | null; onClose: () => void }) {
  const t = useCareT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const run = useCareMutation((body: Record<string, unknown>) => (action === 'record_objection' ? careApi.objection(app.id, body) : careApi.transition(app.id, action!, { version: app.version, ...body })));
  const cap = care.model.assistanceAmountCapFen[app.kind];
  const recurring = care.model.recurringAssistanceKinds.includes(app.kind);
  const fields = action === 'record_objection' ? [] : (needs[action ?? 'submit'] ?? []);
  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> =
      action === 'record_objection'
        ? { content: v.content, ...(v.raisedBy ? { raisedBy: v.raisedBy } : {}) }
        : { ...(v.amountYuan ? { amountFen: Math.round(v.amountYuan * 100) } : {}), ...(v.startMonth ? { startMonth: v.startMonth.format('YYYY-MM') } : {}), ...(v.reason ? { reason: v.reason } : {}), ...(v.note ? { note: v.note } : {}) };
    run.mutate(body, {
      onSuccess: () => (message.success(t('applications.done', { action: t(`actions.${action}`) })), form.resetFields(), onClose()),
      onError: (e) => showFieldErrors(form, e, tc as TFunction) || message.error(isApiError(e, 'version_conflict') ? t('common.versionConflict') : e.message),
    });
  };
  const required = [{ required: true, message: tc('fieldErrors.required') }];
  return (
    <Modal open={!!action} onCancel={onClose} onOk={submit} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={run.isPending} title={action ? t(`actions.${action}`) : ''} okButtonProps={{ danger: action === 'reject', ...({ 'data-testid': 'action-confirm' } as Record<string, string>) }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ amountYuan: (app.amountFen ?? app.requestedAmountFen ?? 0) / 100 || undefined }}>
        {action === 'record_objection' && (
          <>
            <Form.Item name="content" label={t('applications.objectionContent')} rules={required}>
              <Input.TextArea rows={3} data-testid="objection-content" />
            </Form.Item>
            <Form.Item name="raisedBy" label={t('applications.raisedBy')}>
              <Input />
            </Form.Item>
          </>
        )}
        {fields.includes('amount') && (
          <Form.Item name="amountYuan" label={recurring ? t('applications.monthlyAmountYuan') : t('applications.amountYuan')} extra={t('applications.cap', { cap: yuan(cap) })} rules={required}>
            <InputNumber min={0.01} max={cap / 100} precision={2} prefix="¥" className="care-full" data-testid="action-amount" />
          </Form.Item>
        )}
        {fields.includes('startMonth') && recurring && (
          <Form.Item name="startMonth" label={t('applications.startMonth')} rules={required}>
            <DatePicker picker="month" className="care-full" data-testid="action-start-month" />
          </Form.Item>
        )}
        {fields.includes('reason') && (
          <Form.Item name="reason" label={t('applications.rejectReason')} rules={required}>
            <Input.TextArea rows={3} data-testid="action-reason" />
          </Form.Item>
        )}
        {fields.includes('note') && (
          <Form.Item name="note" label={t('applications.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function ApplicationPage() {
  const t = useCareT();
  const { id } = useParams();
  const app = useApplication(id);
  const { data: me } = useMe();
  const [action, setAction] = useState<AssistanceAction | null>(null);
  if (app.isPending) return <Spin className="care-spin" />;
  if (app.isError) return <Result status={isApiError(app.error, 'not_found') ? '404' : 'error'} title={isApiError(app.error, 'not_found') ? t('applications.notFound') : t('common.loadFailed')} extra={<Link to="/care/applications">{t('common.back')}</Link>} />;
  const a = app.data;
  const noticeRunning = a.status === 'public_notice' && a.noticeEndsAt && new Date(a.noticeEndsAt).getTime() > Date.now();
  return (
    <PageContainer title={`${t('nav.careApplications')} · ${a.applicantName}`} description={`${t(`assistanceKinds.${a.kind}`)} · ${a.communityName}`} extra={<Link to="/care/applications">{t('common.back')}</Link>}>
      <Card variant="borderless" className="care-card">
        <ApplicationSteps app={a} />
      </Card>
      {a.submittedByMe && a.status !== 'draft' && <Alert type="info" showIcon message={t('applications.ownSubmission')} className="care-alert" />}
      {noticeRunning && <Alert type="warning" showIcon message={t('applications.noticeRunning', { date: formatDateTime(a.noticeEndsAt) })} className="care-alert" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            variant="borderless"
            className="care-card"
            title={<Space>{t(`assistanceKinds.${a.kind}`)}<StatusTag status={a.status} /></Space>}
            extra={
              <Space wrap data-testid="application-actions">
                {a.allowedActions.map((act) => (
                  <Button key={act} type={act === 'reject' ? 'default' : 'primary'} danger={act === 'reject'} onClick={() => setAction(act)} data-testid={`action-${act}`}>
                    {t(`actions.${act}`)}
                  </Button>
                ))}
                {a.allowedActions.length === 0 && <Typography.Text type="secondary">{t('applications.waitingForOthers')}</Typography.Text>}
              </Space>
            }
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="application-info">
              <Descriptions.Item label={t('applications.applicant')}>{a.careFileId && can(me, 'care_file.read') ? <Link to={`/care/files/${a.careFileId}`}>{a.applicantName}</Link> : a.applicantName}</Descriptions.Item>
              <Descriptions.Item label={t('common.community')}>{a.communityName}</Descriptions.Item>
              <Descriptions.Item label={t('applications.address')} span="filled">{a.address}</Descriptions.Item>
              <Descriptions.Item label={t('applications.reason')} span="filled">{a.reason}</Descriptions.Item>
              <Descriptions.Item label={t('applications.requestedAmount')}><Money fen={a.requestedAmountFen} /></Descriptions.Item>
              <Descriptions.Item label={t('applications.amount')}><Money fen={a.amountFen} /></Descriptions.Item>
              <Descriptions.Item label={t('applications.documents')}>{t('applications.documentsCount', { count: a.documentIds.length })}</Descriptions.Item>
              <Descriptions.Item label={t('applications.noticePeriod')}>{a.noticeStartsAt ? `${formatDateTime(a.noticeStartsAt)} – ${formatDateTime(a.noticeEndsAt)}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('applications.startMonth')}>{a.startMonth ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('applications.reviewDueOn')}>{a.reviewDueOn ?? '—'}</Descriptions.Item>
              {a.rejectReason && <Descriptions.Item label={t('applications.rejectReason')} span="filled">{a.rejectReason}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card variant="borderless" className="care-card care-gap" title={t('applications.objections')}>
            <List
              dataSource={a.objections}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.noObjections')} /> }}
              renderItem={(o) => <List.Item><List.Item.Meta title={o.content} description={[o.raisedBy, `${o.recordedByName} · ${formatDateTime(o.recordedAt)}`].filter(Boolean).join(' — ')} /></List.Item>}
              data-testid="objections"
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card variant="borderless" className="care-card" title={t('applications.steps')}>
            <Timeline
              items={a.steps.map((s, i) => ({
                key: i,
                color: s.toStatus === 'rejected' ? 'red' : s.toStatus === 'approved' ? 'green' : 'blue',
                children: (
                  <div>
                    <div className="care-strong">{t(`actions.${s.action}`)}</div>
                    <Typography.Text type="secondary" className="care-small">{s.actorName} · {formatDateTime(s.at)}</Typography.Text>
                    {s.note && <div>{s.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <ActionModal app={a} action={action} onClose={() => setAction(null)} />
    </PageContainer>
  );
}
