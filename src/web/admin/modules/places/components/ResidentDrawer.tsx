/**
 * One resident: masked ID number and phone with "查看完整" (a reason is required; the reveal is
 * audited), household history, and the actions staff take — edit, move to another household,
 * create the resident's app account (the one-time activation code is shown once).
 */
import { EditOutlined, EyeOutlined, KeyOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, Modal, Result, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { places } from '../../../../../contracts';
import { api } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import type { Page } from '../../../../shared/types';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { placesApi, usePlacesMutation, useResident, type Household, type IssuedAccount, type Resident } from '../data';
import { ResidentTags, usePlacesT } from './common';
import { ResidentFormModal } from './ResidentForm';

type Field = 'idNumber' | 'phone';

function RevealModal({ resident, field, onClose, onRevealed }: { resident: Resident; field: Field | null; onClose: () => void; onRevealed: (f: Field, v: string | null) => void }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = usePlacesMutation(placesApi.reveal);
  return (
    <Modal
      open={!!field}
      title={field ? t('reveal.title', { field: t(`residents.${field}`), name: resident.name }) : ''}
      okText={t('reveal.ok')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reveal.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t('reveal.hint')} className="form-alert" />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ reason }) =>
          reveal.mutate(
            { id: resident.id, field: field!, reason },
            { onSuccess: (r) => (onRevealed(field!, r.value), onClose()), onError: (e) => showFieldErrors(form, e, tc) || message.error(e.message) },
          )
        }
      >
        <Form.Item name="reason" label={t('reveal.reason')} rules={[zodRule(places.RevealBody.shape.reason, tc)]}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} placeholder={t('reveal.reasonPlaceholder')} data-testid="reveal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Households found by address or head's name, for moving a resident. */
export function HouseholdSelect({ value, onChange, exclude }: { value?: string; onChange?: (v: string) => void; exclude?: string }) {
  const t = usePlacesT();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Household[]>([]);
  const [loading, setLoading] = useState(false);
  const search = async (text: string) => {
    setQ(text);
    if (text.trim().length < 1) return;
    setLoading(true);
    try {
      const page = await api.get<Page<Household>>('/households', { query: { q: text.trim(), limit: 20 } });
      setOptions(page.items.filter((h) => h.id !== exclude));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={(v) => void search(v)}
      loading={loading}
      placeholder={t('move.searchPlaceholder')}
      notFoundContent={q ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      options={options.map((h) => ({ value: h.id, label: `${h.address}${h.headName ? `（${t('households.head')}：${h.headName}）` : ''}` }))}
      data-testid="move-household"
    />
  );
}

function MoveModal({ resident, open, onClose }: { resident: Resident; open: boolean; onClose: () => void }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ householdId: string; relationToHead: string }>();
  const move = usePlacesMutation(placesApi.moveResident);
  return (
    <Modal open={open} title={t('move.title', { name: resident.name })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={move.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('move.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          move.mutate(
            { id: resident.id, version: resident.version, ...v },
            { onSuccess: () => (message.success(t('move.done')), onClose()), onError: (e) => showFieldErrors(form, e, tc) || message.error(e.message) },
          )
        }
      >
        <Form.Item name="householdId" label={t('move.to')} rules={[{ required: true, message: t('common.required') }]}>
          <HouseholdSelect exclude={resident.householdId ?? undefined} />
        </Form.Item>
        <Form.Item name="relationToHead" label={t('residents.relation')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={places.relations.map((r) => ({ value: r, label: t(`relations.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AccountModal({ resident, open, onClose }: { resident: Resident; open: boolean; onClose: () => void }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username?: string }>();
  const [issued, setIssued] = useState<IssuedAccount | null>(null);
  const issue = usePlacesMutation(placesApi.issueAccount);
  const close = () => (setIssued(null), onClose());
  return (
    <Modal
      open={open}
      title={t('account.title', { name: resident.name })}
      onCancel={close}
      onOk={() => (issued ? close() : form.submit())}
      okText={t('account.create')}
      footer={issued ? <Button type="primary" onClick={close} data-testid="account-done">{t('account.done')}</Button> : undefined}
      confirmLoading={issue.isPending}
      destroyOnHidden
    >
      {issued ? (
        <Result
          status="success"
          title={t('account.issued')}
          subTitle={t('account.issuedHint', { expires: formatDateTime(issued.expiresAt) })}
          extra={
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('account.username')}>
                <Typography.Text copyable strong>{issued.username}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('account.code')}>
                <Typography.Text copyable strong className="places-code" data-testid="activation-code">
                  {issued.code}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          }
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            issue.mutate({ id: resident.id, username: v.username?.trim() || undefined }, { onSuccess: setIssued, onError: (e) => showFieldErrors(form, e, tc) || message.error(e.message) })
          }
        >
          <Typography.Paragraph type="secondary">{t('account.hint')}</Typography.Paragraph>
          <Form.Item name="username" label={t('account.username')} extra={t('account.usernameHint')}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function Masked({ resident, field, shown, onReveal }: { resident: Resident; field: Field; shown?: string | null; onReveal: () => void }) {
  const t = usePlacesT();
  const { data: me } = useMe();
  const masked = resident[field];
  if (shown !== undefined) return <Typography.Text copyable={!!shown} className="mono" data-testid={`revealed-${field}`}>{shown ?? '—'}</Typography.Text>;
  return (
    <Space>
      <span className="mono" data-testid={`masked-${field}`}>{masked ?? '—'}</span>
      {masked && can(me, 'resident.reveal') && (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={onReveal} data-testid={`reveal-${field}`}>
          {t('reveal.show')}
        </Button>
      )}
    </Space>
  );
}

export function ResidentDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const t = usePlacesT();
  const { data: me } = useMe();
  const resident = useResident(id);
  const [revealing, setRevealing] = useState<Field | null>(null);
  const [shown, setShown] = useState<Partial<Record<Field, string | null>>>({});
  const [modal, setModal] = useState<'edit' | 'move' | 'account' | null>(null);
  const r = resident.data;
  const close = () => (setShown({}), onClose());
  const mayManage = can(me, 'resident.manage');
  return (
    <Drawer
      open={!!id}
      onClose={close}
      width={620}
      title={r ? <Space>{r.name}{r.status !== 'active' && <Tag>{t(`statuses.${r.status}`)}</Tag>}</Space> : t('residents.detail')}
      extra={
        r && (
          <Space>
            {mayManage && <Button icon={<EditOutlined />} onClick={() => setModal('edit')} data-testid="resident-edit">{t('common.edit')}</Button>}
            {mayManage && r.householdId && <Button icon={<SwapOutlined />} onClick={() => setModal('move')} data-testid="resident-move">{t('move.button')}</Button>}
            {can(me, 'resident_account.manage') && !r.hasAccount && (
              <Button icon={<KeyOutlined />} onClick={() => setModal('account')} data-testid="resident-account">{t('account.button')}</Button>
            )}
          </Space>
        )
      }
      data-testid="resident-drawer"
    >
      {resident.isPending ? (
        <Spin className="places-spin" />
      ) : resident.isError ? (
        <Result status="warning" title={t('common.loadFailed')} subTitle={resident.error.message} />
      ) : r ? (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('residents.gender')}>{t(`genders.${r.gender}`)}</Descriptions.Item>
            <Descriptions.Item label={t('residents.age')}>{r.age ?? '—'}{r.birthDate && <Typography.Text type="secondary">{`（${r.birthDate}）`}</Typography.Text>}</Descriptions.Item>
            <Descriptions.Item label={t('residents.idNumber')} span={2}>
              <Masked resident={r} field="idNumber" shown={shown.idNumber} onReveal={() => setRevealing('idNumber')} />
            </Descriptions.Item>
            <Descriptions.Item label={t('residents.phone')} span={2}>
              <Masked resident={r} field="phone" shown={shown.phone} onReveal={() => setRevealing('phone')} />
            </Descriptions.Item>
            <Descriptions.Item label={t('residents.address')} span={2}>
              {r.householdId ? <Link to={`/places/households/${r.householdId}`}>{r.address}</Link> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('residents.relation')}>{r.relationToHead ? t(`relations.${r.relationToHead}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('residents.residency')}>{t(`residency.${r.residency}`)}</Descriptions.Item>
            <Descriptions.Item label={t('residents.ethnicity')}>{r.ethnicity ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('residents.politicalStatus')}>{r.politicalStatus ? t(`politicalStatuses.${r.politicalStatus}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('residents.tags')} span={2}><ResidentTags values={r.tags} /></Descriptions.Item>
            <Descriptions.Item label={t('residents.account')} span={2}>{r.hasAccount ? <Tag color="green">{t('account.has')}</Tag> : <Tag>{t('account.none')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('residents.notes')} span={2}>{r.notes ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} className="places-section">{t('residents.history')}</Typography.Title>
          {r.history.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Timeline
              items={r.history.map((h) => ({
                color: h.leftAt ? 'gray' : 'green',
                children: (
                  <>
                    <div>{h.address}{h.relationToHead && <Typography.Text type="secondary">{` · ${t(`relations.${h.relationToHead}`)}`}</Typography.Text>}</div>
                    <Typography.Text type="secondary" className="small">{`${formatDateTime(h.joinedAt)} ~ ${h.leftAt ? formatDateTime(h.leftAt) : t('residents.now')}`}</Typography.Text>
                  </>
                ),
              }))}
            />
          )}
          <RevealModal resident={r} field={revealing} onClose={() => setRevealing(null)} onRevealed={(f, v) => setShown((s) => ({ ...s, [f]: v }))} />
          <ResidentFormModal open={modal === 'edit'} resident={r} onClose={() => setModal(null)} />
          <MoveModal open={modal === 'move'} resident={r} onClose={() => setModal(null)} />
          <AccountModal open={modal === 'account'} resident={r} onClose={() => setModal(null)} />
        </>
      ) : null}
    </Drawer>
  );
}
