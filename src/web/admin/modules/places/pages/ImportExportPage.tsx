/**
 * 导入/导出: the import wizard (template → upload .xlsx → dry-run report → apply; a 422 shows the
 * same report and nothing is written) and the filtered export (clear ID numbers and phones only
 * with the reveal permission and a reason, audited).
 */
import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Result, Row, Select, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { places } from '../../../../../contracts';
import { can, useMe } from '../../../../shared/me';
import { zodRule } from '../../../components/forms';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, GridSelect, TagSelect, useCommunityChoice, usePlacesT } from '../components/common';
import { apiUrl, placesKey, uploadImport, type ImportReport } from '../data';
import { useQueryClient } from '@tanstack/react-query';
import '../places.css';

const MAX_BYTES = 20 * 1024 * 1024;

function ReportView({ report }: { report: ImportReport }) {
  const t = usePlacesT();
  return (
    <>
      <Row gutter={16} className="places-section-bottom">
        <Col span={8}><Statistic title={t('import.total')} value={report.total} /></Col>
        <Col span={8}><Statistic title={t('import.valid')} value={report.valid} valueStyle={{ color: '#389e0d' }} /></Col>
        <Col span={8}><Statistic title={t('import.errors')} value={report.errors.length} valueStyle={report.errors.length ? { color: '#cf1322' } : undefined} /></Col>
      </Row>
      {report.errors.length > 0 && (
        <Table
          rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
          size="small"
          dataSource={report.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80, sorter: (a, b) => a.row - b.row },
            { title: t('import.column'), dataIndex: 'column', width: 160, render: (v: string | null) => v ?? '—' },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
          data-testid="import-errors"
        />
      )}
    </>
  );
}

function ImportWizard({ communityId }: { communityId?: string }) {
  const t = usePlacesT();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const [rejected, setRejected] = useState(false);
  const [busy, setBusy] = useState(false);
  const step = applied !== null ? 3 : report ? 2 : file ? 1 : 0;
  const reset = () => (setFile(null), setReport(null), setApplied(null), setRejected(false));

  const run = async (dryRun: boolean) => {
    if (!file || !communityId) return;
    setBusy(true);
    try {
      const out = await uploadImport(communityId, file, dryRun);
      setReport(out.report);
      if (dryRun) setRejected(false);
      else if (out.applied) {
        setApplied(out.report.imported ?? out.report.valid);
        void client.invalidateQueries({ queryKey: placesKey });
      } else setRejected(true);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('import.title')} data-testid="import-wizard">
      <Steps current={step} size="small" className="places-section-bottom" items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }, { title: t('import.step4') }]} />
      <Space direction="vertical" className="full-width" size="middle">
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={apiUrl('/residents/import-template')} data-testid="import-template">
            {t('import.template')}
          </Button>
          <Typography.Text type="secondary">{t('import.templateHint')}</Typography.Text>
        </Space>
        {applied !== null ? (
          <div data-testid="import-applied">
            <Result status="success" icon={<CheckCircleOutlined />} title={t('import.applied', { count: applied })} extra={<Button onClick={reset}>{t('import.again')}</Button>} />
          </div>
        ) : (
          <>
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              fileList={file ? [{ uid: '1', name: file.name, size: file.size, status: 'done' }] : []}
              beforeUpload={(f) => {
                if (!f.name.toLowerCase().endsWith('.xlsx')) message.error(t('import.notXlsx'));
                else if (f.size > MAX_BYTES) message.error(t('import.tooLarge'));
                else (setFile(f), setReport(null), setRejected(false));
                return false;
              }}
              onRemove={() => reset()}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{t('import.drop')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
            <Space>
              <Button icon={<UploadOutlined />} disabled={!file || !communityId} loading={busy && !report} onClick={() => void run(true)} data-testid="import-check">
                {t('import.check')}
              </Button>
              <Button
                type="primary"
                disabled={!report || report.errors.length > 0 || report.valid === 0}
                loading={busy && !!report}
                onClick={() => modal.confirm({ title: t('import.confirmTitle', { count: report?.valid ?? 0 }), content: t('import.confirmBody'), onOk: () => run(false) })}
                data-testid="import-apply"
              >
                {t('import.apply')}
              </Button>
            </Space>
            {rejected && <Alert type="error" showIcon message={t('import.rejected')} data-testid="import-rejected" />}
            {report && report.errors.length === 0 && !rejected && <Alert type="success" showIcon message={t('import.clean', { count: report.valid })} />}
            {report && report.errors.length > 0 && !rejected && <Alert type="warning" showIcon message={t('import.fixFirst', { count: report.errors.length })} />}
            {report && <ReportView report={report} />}
          </>
        )}
      </Space>
    </Card>
  );
}

interface ExportValues {
  gridId?: string;
  tags?: string[];
  ageMin?: number;
  ageMax?: number;
  residency?: string;
  q?: string;
  reveal?: boolean;
  reason?: string;
}

function ExportCard({ communityId }: { communityId?: string }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<ExportValues>();
  const reveal = Form.useWatch('reveal', form);
  const mayReveal = can(me, 'resident.reveal');
  const download = (v: ExportValues) => {
    const url = apiUrl('/residents/export', {
      communityId,
      gridId: v.gridId,
      q: v.q?.trim() || undefined,
      tags: v.tags?.length ? v.tags.join(',') : undefined,
      ageMin: v.ageMin ?? undefined,
      ageMax: v.ageMax ?? undefined,
      residency: v.residency,
      reveal: v.reveal ? 'true' : undefined,
      reason: v.reveal ? v.reason?.trim() : undefined,
    });
    window.location.assign(url);
  };
  return (
    <Card title={t('export.title')} data-testid="export-card">
      <Typography.Paragraph type="secondary">{t('export.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={download}>
        <Form.Item name="q" label={t('export.q')}>
          <Input maxLength={50} placeholder={t('residents.searchPlaceholder')} />
        </Form.Item>
        <Form.Item name="gridId" label={t('residents.grid')}>
          <GridSelect communityId={communityId} />
        </Form.Item>
        <Form.Item name="tags" label={t('residents.tags')}>
          <TagSelect />
        </Form.Item>
        <Space align="start">
          <Form.Item name="ageMin" label={t('residents.ageMin')}>
            <InputNumber min={0} max={150} />
          </Form.Item>
          <Form.Item
            name="ageMax"
            label={t('residents.ageMax')}
            dependencies={['ageMin']}
            rules={[{ validator: async (_r, v?: number) => { const min = form.getFieldValue('ageMin') as number | undefined; if (v != null && min != null && min > v) throw new Error(t('fieldErrors.age_range')); } }]}
          >
            <InputNumber min={0} max={150} />
          </Form.Item>
          <Form.Item name="residency" label={t('residents.residency')}>
            <Select allowClear className="toolbar-select" options={(['permanent', 'floating'] as const).map((r) => ({ value: r, label: t(`residency.${r}`) }))} />
          </Form.Item>
        </Space>
        {mayReveal && (
          <Form.Item name="reveal" valuePropName="checked">
            <Checkbox data-testid="export-reveal">{t('export.reveal')}</Checkbox>
          </Form.Item>
        )}
        {reveal && (
          <Form.Item name="reason" label={t('reveal.reason')} rules={[zodRule(places.RevealBody.shape.reason, tc)]} extra={t('export.revealHint')}>
            <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} data-testid="export-reason" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" icon={<DownloadOutlined />} data-testid="export-download">
          {t('export.download')}
        </Button>
      </Form>
    </Card>
  );
}

export default function ImportExportPage() {
  const t = usePlacesT();
  const { data: me } = useMe();
  const choice = useCommunityChoice();
  return (
    <PageContainer title={t('nav.placesImport')} description={t('navDescriptions.placesImport')} extra={<CommunitySelect choice={choice} />}>
      <Row gutter={16}>
        {can(me, 'resident.import') && (
          <Col xs={24} xl={14}>
            <ImportWizard key={choice.communityId} communityId={choice.communityId} />
          </Col>
        )}
        {can(me, 'resident.export') && (
          <Col xs={24} xl={10}>
            <ExportCard communityId={choice.communityId} />
          </Col>
        )}
      </Row>
    </PageContainer>
  );
}
