/** The care file page's dialogs: edit the file, record a condition, start an application, the history. */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Modal, Select, Timeline, Typography, Upload, type UploadFile } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { care } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { useCareT } from '../components';
import { careApi, useCareMutation, useVersions } from '../data';
import { yuan, type CareFileView } from '../types';

const fen = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 100));

export function EditFileModal({ file, open, onClose }: { file: CareFileView; open: boolean; onClose: () => void }) {
  const t = useCareT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = useCareMutation((v: Record<string, unknown>) => careApi.updateFile(file.id, v));
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      { ...v, version: file.version, monthlyIncomeFen: fen(v.monthlyIncomeYuan), monthlyIncomeYuan: undefined },
      {
        onSuccess: () => (message.success(t('common.saved')), onClose()),
        onError: (e) => showFieldErrors(form, e, tc as TFunction) || message.error(isApiError(e, 'version_conflict') ? t('common.versionConflict') : e.message),
      },
    );
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} title={t('file.edit')} width={640} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ categories: file.categories, monthlyIncomeYuan: file.monthlyIncomeFen === null ? null : file.monthlyIncomeFen / 100, incomeNotes: file.incomeNotes, housingKind: file.housingKind, housingAreaM2: file.housingAreaM2, needs: file.needs, needsNotes: file.needsNotes, summary: file.summary, status: file.status, closeReason: file.closeReason }}
      >
        <Form.Item name="categories" label={t('files.categories')}>
          <Select mode="multiple" options={care.model.careCategories.map((c) => ({ value: c, label: t(`categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="monthlyIncomeYuan" label={t('file.income')}>
          <InputNumber min={0} precision={2} prefix="¥" className="care-full" />
        </Form.Item>
        <Form.Item name="incomeNotes" label={t('file.incomeNotes')} rules={[zodRule(care.UpdateCareFileBody.shape.incomeNotes, tc as TFunction)]}>
          <Input />
        </Form.Item>
        <Form.Item name="housingKind" label={t('file.housing')}>
          <Select allowClear options={care.model.housingKinds.map((h) => ({ value: h, label: t(`housing.${h}`) }))} />
        </Form.Item>
        <Form.Item name="housingAreaM2" label={t('file.area')}>
          <InputNumber min={1} max={2000} className="care-full" />
        </Form.Item>
        <Form.Item name="needs" label={t('file.needs')}>
          <Select mode="multiple" options={care.model.careNeeds.map((n) => ({ value: n, label: t(`needs.${n}`) }))} />
        </Form.Item>
        <Form.Item name="needsNotes" label={t('file.needsNotes')} rules={[zodRule(care.UpdateCareFileBody.shape.needsNotes, tc as TFunction)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="summary" label={t('file.summary')} rules={[zodRule(care.UpdateCareFileBody.shape.summary, tc as TFunction)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="status" label={t('files.status')}>
          <Select options={(['active', 'closed'] as const).map((s) => ({ value: s, label: t(`fileStatus.${s}`) }))} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.status !== b.status}>
          {({ getFieldValue }) => getFieldValue('status') === 'closed' && (
            <Form.Item name="closeReason" label={t('file.closeReason')}>
              <Input />
            </Form.Item>
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ConditionModal({ file, open, onClose, mayRestricted }: { file: CareFileView; open: boolean; onClose: () => void; mayRestricted: boolean }) {
  const t = useCareT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const add = useCareMutation((v: Record<string, unknown>) => careApi.addCondition(file.id, v));
  const kinds = care.model.conditionKinds.filter((k) => mayRestricted || !care.model.isRestrictedKind(k));
  const submit = async () => {
    const v = await form.validateFields();
    add.mutate(
      { residentId: v.residentId, kind: v.kind, ...(v.detail ? { detail: v.detail } : {}), ...(v.since ? { since: v.since.format('YYYY-MM-DD') } : {}) },
      { onSuccess: () => (message.success(t('common.saved')), form.resetFields(), onClose()), onError: (e) => showFieldErrors(form, e, tc as TFunction) || message.error(e.message) },
    );
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={add.isPending} title={t('file.addCondition')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="residentId" label={t('file.member')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <Select options={file.members.filter((m) => m.status === 'active').map((m) => ({ value: m.residentId, label: `${m.name} · ${m.relationToHead ?? '—'}` }))} data-testid="condition-member" />
        </Form.Item>
        <Form.Item name="kind" label={t('file.conditions')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`conditions.${k}`) }))} data-testid="condition-kind" />
        </Form.Item>
        <Form.Item name="detail" label={t('file.conditionDetail')} rules={[zodRule(care.AddConditionBody.shape.detail, tc as TFunction)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="since" label={t('file.since')}>
          <DatePicker className="care-full" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function NewApplicationModal({ file, open, onClose }: { file: CareFileView; open: boolean; onClose: () => void }) {
  const t = useCareT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const create = useCareMutation(careApi.createApplication);
  const kind = Form.useWatch('kind', form) as keyof typeof care.model.assistanceAmountCapFen | undefined;
  const cap = kind ? care.model.assistanceAmountCapFen[kind] : undefined;
  const submit = async () => {
    const v = await form.validateFields();
    const documentIds = files.map((f) => (f.response as { id?: string } | undefined)?.id).filter((x): x is string => !!x);
    create.mutate(
      { householdId: file.householdId, applicantResidentId: v.applicantResidentId, kind: v.kind, reason: v.reason, documentIds, ...(v.requestedYuan ? { requestedAmountFen: fen(v.requestedYuan) } : {}) },
      { onSuccess: (r) => (message.success(t('applications.created')), onClose(), void navigate(`/care/applications/${r.id}`)), onError: (e) => showFieldErrors(form, e, tc as TFunction) || message.error(e.message) },
    );
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} title={t('applications.create')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="applicantResidentId" label={t('applications.applicant')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <Select options={file.members.filter((m) => m.status === 'active').map((m) => ({ value: m.residentId, label: m.name }))} data-testid="application-applicant" />
        </Form.Item>
        <Form.Item name="kind" label={t('applications.kind')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <Select options={care.model.assistanceKinds.map((k) => ({ value: k, label: t(`assistanceKinds.${k}`) }))} data-testid="application-kind" />
        </Form.Item>
        <Form.Item name="reason" label={t('applications.reason')} rules={[zodRule(care.CreateApplicationBody.shape.reason, tc as TFunction)]}>
          <Input.TextArea rows={3} data-testid="application-reason" />
        </Form.Item>
        <Form.Item name="requestedYuan" label={t('applications.requestedAmount')} extra={cap ? t('applications.cap', { cap: yuan(cap) }) : undefined}>
          <InputNumber min={0.01} max={cap ? cap / 100 : undefined} precision={2} prefix="¥" className="care-full" />
        </Form.Item>
        <Form.Item label={t('applications.documents')}>
          <Upload action="/api/v1/uploads" accept="image/jpeg,image/png,image/webp" listType="picture" fileList={files} onChange={({ fileList }) => setFiles(fileList)} withCredentials>
            <Button icon={<UploadOutlined />}>{t('applications.addDocuments')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function VersionsDrawer({ fileId, open, onClose }: { fileId: string; open: boolean; onClose: () => void }) {
  const t = useCareT();
  const versions = useVersions(fileId, open);
  return (
    <Drawer open={open} onClose={onClose} title={t('file.history')} width={480}>
      <Timeline
        data-testid="file-versions"
        items={(versions.data ?? []).map((v) => ({
          key: v.version,
          children: (
            <div>
              <div className="care-strong">
                {t('file.version', { version: v.version })} · {formatDateTime(v.changedAt)}
              </div>
              <Typography.Text type="secondary">{t('file.changedBy', { name: v.changedByName })}</Typography.Text>
              {v.changes &&
                Object.entries(v.changes).map(([field, change]) => (
                  <div key={field} className="care-small">
                    {field}: {JSON.stringify((change as { before?: unknown }).before ?? null)} → {JSON.stringify((change as { after?: unknown }).after ?? null)}
                  </div>
                ))}
            </div>
          ),
        }))}
      />
    </Drawer>
  );
}
