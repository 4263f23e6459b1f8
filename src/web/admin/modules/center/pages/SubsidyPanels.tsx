/** 助餐补贴: the rules of a canteen (who gets how much, paid from which fund) and the monthly statement. */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Statistic, Switch, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { center as schemas } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { downloadCsv } from '../../../../shared/csv';
import { can, useMe } from '../../../../shared/me';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { communityMonth, yuan, type SubsidyRule, type SubsidyStatement } from '../common';
import { useCreateRule, useStatement, useSubsidyRules, useToggleRule } from '../data';

export function SubsidyRulesPanel({ canteenId }: { canteenId: string }) {
  const { t } = useTranslation('center');
  const { message } = App.useApp();
  const me = useMe();
  const rules = useSubsidyRules(canteenId);
  const toggle = useToggleRule();
  const [adding, setAdding] = useState(false);
  const manage = can(me.data, 'canteen.manage');
  const who = (r: SubsidyRule) => [r.minAge != null ? t('rule.ageAtLeast', { age: r.minAge }) : null, ...r.tags.map((x) => t('rule.tag', { tag: x }))].filter(Boolean).join(' + ');
  return (
    <>
      {manage && (
        <div className="table-toolbar">
          <span className="center-muted">{t('rule.oncePerSitting')}</span>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('rule.create')}
          </Button>
        </div>
      )}
      <Table<SubsidyRule>
        rowKey="id"
        size="middle"
        loading={rules.isFetching}
        dataSource={rules.data ?? []}
        pagination={false}
        locale={{ emptyText: t('empty.rules') }}
        data-testid="rules-table"
        columns={[
          { title: t('rule.name'), dataIndex: 'name' },
          { title: t('rule.who'), key: 'who', render: (_, r) => who(r) },
          { title: t('rule.discount'), key: 'discount', render: (_, r) => (r.discountKind === 'fixed' ? t('rule.fixedOff', { amount: yuan(r.amountFen) }) : t('rule.percentOff', { percent: r.percent })) },
          { title: t('rule.fundingSource'), dataIndex: 'fundingSource' },
          {
            title: t('rule.active'),
            dataIndex: 'active',
            render: (a: boolean, r) =>
              manage ? (
                <Switch
                  checked={a}
                  loading={toggle.isPending}
                  onChange={(v) =>
                    toggle.mutateAsync({ id: r.id, version: r.version, active: v }).then(
                      () => message.success(t(v ? 'rule.activated' : 'rule.deactivated')),
                      (err: unknown) => message.error(isApiError(err) ? err.message : String(err)),
                    )
                  }
                />
              ) : (
                <Tag color={a ? 'green' : 'default'}>{t(a ? 'rule.on' : 'rule.off')}</Tag>
              ),
          },
        ]}
      />
      {adding && <RuleModal canteenId={canteenId} onClose={() => setAdding(false)} />}
    </>
  );
}

interface RuleValues {
  name: string;
  minAge?: number | null;
  tags: string[];
  discountKind: 'fixed' | 'percent';
  amountYuan?: number;
  percent?: number;
  fundingSource: string;
}

function RuleModal({ canteenId, onClose }: { canteenId: string; onClose: () => void }) {
  const { t } = useTranslation('center');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<RuleValues>();
  const create = useCreateRule();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('discountKind', form);
  const submit = async (v: RuleValues) => {
    setError(null);
    try {
      await create.mutateAsync({
        canteenId,
        name: v.name,
        minAge: v.minAge ?? null,
        tags: v.tags ?? [],
        discountKind: v.discountKind,
        amountFen: v.discountKind === 'fixed' && v.amountYuan != null ? Math.round(v.amountYuan * 100) : null,
        percent: v.discountKind === 'percent' ? (v.percent ?? null) : null,
        fundingSource: v.fundingSource,
      });
      onClose();
    } catch (err) {
      if (!showFieldErrors(form, err, tc)) setError(isApiError(err) ? err.message : String(err));
    }
  };
  const required = { required: true, message: tc('fieldErrors.required') };
  return (
    <Modal open title={t('rule.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} className="form-alert" />}
      <Form<RuleValues> form={form} layout="vertical" onFinish={submit} initialValues={{ discountKind: 'fixed', tags: [] }}>
        <Form.Item name="name" label={t('rule.name')} rules={[required, zodRule(schemas.CreateSubsidyRuleBody.shape.name, tc)]}>
          <Input maxLength={50} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="minAge" label={t('rule.minAge')}>
            <InputNumber min={0} max={120} className="full-width" />
          </Form.Item>
          <Form.Item name="tags" label={t('rule.tags')} extra={t('rule.tagsHint')}>
            <Select mode="tags" tokenSeparators={[',', '，']} />
          </Form.Item>
        </div>
        <Form.Item name="discountKind" label={t('rule.discount')}>
          <Radio.Group optionType="button" options={[{ value: 'fixed', label: t('rule.fixed') }, { value: 'percent', label: t('rule.percent') }]} />
        </Form.Item>
        {kind === 'percent' ? (
          <Form.Item name="percent" label={t('rule.percentLabel')} rules={[required]}>
            <InputNumber min={1} max={100} suffix="%" className="full-width" />
          </Form.Item>
        ) : (
          <Form.Item name="amountYuan" label={t('rule.amountYuan')} rules={[required]}>
            <InputNumber min={0.01} step={1} precision={2} addonBefore="¥" className="full-width" />
          </Form.Item>
        )}
        <Form.Item name="fundingSource" label={t('rule.fundingSource')} rules={[required, zodRule(schemas.CreateSubsidyRuleBody.shape.fundingSource, tc)]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function StatementPanel({ canteenId }: { canteenId: string }) {
  const { t } = useTranslation('center');
  const [month, setMonth] = useState(communityMonth());
  const [source, setSource] = useState<string>();
  const statement = useStatement(canteenId, month);
  const s = statement.data;
  const lines = (s?.lines ?? []).filter((l) => !source || l.fundingSource === source);
  const exportCsv = (st: SubsidyStatement) =>
    downloadCsv(
      `${st.canteenName}-${st.month}-${t('canteen.statement')}.csv`,
      [t('rule.fundingSource'), t('order.diner'), t('statement.meals'), t('statement.amount')],
      lines.map((l) => [l.fundingSource, l.residentName, l.meals, (l.amountFen / 100).toFixed(2)]),
    );
  return (
    <>
      <div className="table-toolbar">
        <DatePicker picker="month" value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} allowClear={false} data-testid="statement-month" />
        {s && (
          <Button icon={<DownloadOutlined />} onClick={() => exportCsv(s)} disabled={lines.length === 0}>
            {t('statement.export')}
          </Button>
        )}
      </div>
      {s && (
        <Space size={48} className="center-subtoolbar" data-testid="statement-totals">
          <Statistic title={t('statement.amount')} value={yuan(s.amountFen)} />
          <Statistic title={t('statement.meals')} value={s.meals} />
          <Statistic title={t('statement.people')} value={s.people} />
        </Space>
      )}
      <Table
        rowKey="fundingSource"
        size="middle"
        loading={statement.isFetching}
        dataSource={s?.bySource ?? []}
        pagination={false}
        locale={{ emptyText: t('empty.statement') }}
        data-testid="statement-sources"
        onRow={(r) => ({ onClick: () => setSource(source === r.fundingSource ? undefined : r.fundingSource), style: { cursor: 'pointer', background: source === r.fundingSource ? '#e6f4ff' : undefined } })}
        columns={[
          { title: t('rule.fundingSource'), dataIndex: 'fundingSource' },
          { title: t('statement.meals'), dataIndex: 'meals' },
          { title: t('statement.people'), dataIndex: 'people' },
          { title: t('statement.amount'), dataIndex: 'amountFen', render: (a: number) => <strong>{yuan(a)}</strong> },
        ]}
      />
      <h4 className="section-title" style={{ marginTop: 16 }}>
        {source ? t('statement.linesOf', { source }) : t('statement.lines')}
      </h4>
      <Table
        rowKey={(l) => `${l.fundingSource}-${l.residentId}`}
        size="small"
        dataSource={lines}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('order.diner'), dataIndex: 'residentName' },
          { title: t('rule.fundingSource'), dataIndex: 'fundingSource' },
          { title: t('statement.meals'), dataIndex: 'meals', sorter: (a, b) => a.meals - b.meals },
          { title: t('statement.amount'), dataIndex: 'amountFen', render: (a: number) => yuan(a), sorter: (a, b) => a.amountFen - b.amountFen },
        ]}
      />
    </>
  );
}
