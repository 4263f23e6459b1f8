/** 新建领办督办项目: from a ticket or a joint-meeting decision, a party member leads, staff supervise. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { projects as contracts } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { useCreateProject, usePeople, type Ticket } from '../data';

interface Values {
  title: string;
  description?: string;
  decisionNote?: string;
  leaderAccountId: string;
  supervisorAccountId: string;
  dueOn?: Dayjs;
  isPublic: boolean;
  milestones?: Array<{ title: string; dueOn?: Dayjs }>;
}

export function ProjectFormModal({ ticket, communityId, onClose }: { ticket?: Ticket; communityId?: string; onClose: () => void }) {
  const { t } = useTranslation('tickets');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const community = ticket?.communityId ?? communityId;
  const members = usePeople(community, 'party_members');
  const supervisors = usePeople(community, 'supervisors');
  const create = useCreateProject();
  const shape = contracts.CreateProjectBody.shape;

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title,
      description: v.description || undefined,
      decisionNote: v.decisionNote || undefined,
      leaderAccountId: v.leaderAccountId,
      supervisorAccountId: v.supervisorAccountId,
      isPublic: v.isPublic,
      dueOn: v.dueOn?.format('YYYY-MM-DD'),
      milestones: (v.milestones ?? []).filter((m) => m?.title).map((m) => ({ title: m.title, dueOn: m.dueOn?.format('YYYY-MM-DD') })),
      ...(ticket ? { sourceTicketId: ticket.id } : { communityId: community }),
    };
    create.mutate(body, {
      onSuccess: (p) => {
        void message.success(t('projects.created'));
        onClose();
        void navigate(`/projects?open=${p.id}`);
      },
      onError: (err) => {
        if (!showFieldErrors(form, err, tc)) void message.error(isApiError(err) ? err.message : String(err));
      },
    });
  };

  return (
    <Modal open title={t('projects.create')} onCancel={onClose} onOk={() => void submit()} okText={t('common.submit')} cancelText={t('common.cancel')} confirmLoading={create.isPending} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ isPublic: true, title: ticket?.description.slice(0, 30), milestones: [{ title: '' }] }} data-testid="project-form">
        <Form.Item name="title" label={t('projects.title')} rules={[zodRule(shape.title, tc)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('projects.descriptionField')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {!ticket && (
          <Form.Item name="decisionNote" label={t('projects.decisionNote')}>
            <Input maxLength={500} />
          </Form.Item>
        )}
        <div className="form-row">
          <Form.Item name="leaderAccountId" label={t('projects.leader')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
            <Select showSearch optionFilterProp="label" loading={members.isFetching} options={(members.data ?? []).map((p) => ({ value: p.accountId, label: p.name }))} data-testid="project-leader" />
          </Form.Item>
          <Form.Item name="supervisorAccountId" label={t('projects.supervisor')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
            <Select showSearch optionFilterProp="label" loading={supervisors.isFetching} options={(supervisors.data ?? []).map((p) => ({ value: p.accountId, label: p.name }))} data-testid="project-supervisor" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="dueOn" label={t('projects.dueOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="isPublic" label={t('projects.isPublic')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" className="full-width">
                  <Form.Item name={[field.name, 'title']} label={t('projects.milestoneTitle')}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueOn']} label={t('projects.dueOn')}>
                    <DatePicker />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('resident.removePhoto')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })} disabled={fields.length >= 20}>
                {t('projects.addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
