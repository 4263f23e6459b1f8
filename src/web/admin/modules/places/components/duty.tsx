/** AB岗 duty: who holds a grid's posts, setting them from the candidates, and leave records. */
import { DeleteOutlined, PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { places } from '../../../../../contracts';
import { can, useMe } from '../../../../shared/me';
import { zodRule } from '../../../components/forms';
import { placesApi, useDutyCandidates, usePlacesMutation, type DutyKind, type Grid, type Leave } from '../data';
import { usePlacesT } from './common';

type Holder = NonNullable<Grid['primary']>;

function HolderText({ holder }: { holder: Holder | null }) {
  const t = usePlacesT();
  if (!holder) return <Typography.Text type="secondary">{t('duty.vacant')}</Typography.Text>;
  return (
    <Space size={6} wrap>
      <span>{holder.displayName}</span>
      {holder.servicePhone && <Typography.Text type="secondary">{holder.servicePhone}</Typography.Text>}
      {holder.onLeave && <Tag color="orange">{t('duty.onLeave')}</Tag>}
    </Space>
  );
}

function DutyModal({ grid, duty, onClose }: { grid: Grid; duty: DutyKind | null; onClose: () => void }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ accountId?: string; servicePhone?: string }>();
  const candidates = useDutyCandidates(duty ? grid.id : undefined);
  const save = usePlacesMutation(placesApi.setDuty);
  const current = duty ? grid[duty] : null;
  const submit = (values: { accountId?: string; servicePhone?: string }) =>
    save.mutate(
      { gridId: grid.id, duty: duty!, accountId: values.accountId ?? null, servicePhone: values.servicePhone?.trim() || null },
      { onSuccess: () => (message.success(tc('common.saved')), onClose()), onError: (e) => message.error(e.message) },
    );
  return (
    <Modal
      open={!!duty}
      title={duty ? t('duty.setTitle', { post: t(`duty.${duty}`), grid: grid.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ accountId: current?.accountId, servicePhone: current?.servicePhone ?? '' }} preserve={false}>
        <Form.Item name="accountId" label={t('duty.person')} extra={t('duty.personHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={candidates.isPending}
            placeholder={t('duty.vacant')}
            options={(candidates.data ?? []).map((c) => ({ value: c.accountId, label: `${c.displayName}（${c.username}）` }))}
            data-testid="duty-candidate"
          />
        </Form.Item>
        <Form.Item name="servicePhone" label={t('duty.servicePhone')} rules={[{ validator: async (_r, v: string) => { if (v && !places.normalizePhone(v)) throw new Error(t('fieldErrors.phone_format')); } }]}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The three posts of a grid; primary/backup on level 3, the leader on levels 1–2. */
export function DutyPanel({ grid }: { grid: Grid }) {
  const t = usePlacesT();
  const { data: me } = useMe();
  const [editing, setEditing] = useState<DutyKind | null>(null);
  const posts: DutyKind[] = grid.level === 3 ? ['primary', 'backup'] : ['leader'];
  const mayEdit = can(me, 'duty.manage');
  return (
    <>
      <Descriptions column={1} size="small" bordered data-testid="duty-panel">
        {posts.map((duty) => (
          <Descriptions.Item key={duty} label={t(`duty.${duty}`)}>
            <div className="places-duty-row">
              <HolderText holder={grid[duty]} />
              {mayEdit && (
                <Button size="small" type="link" icon={<UserSwitchOutlined />} onClick={() => setEditing(duty)} data-testid={`set-duty-${duty}`}>
                  {t('duty.set')}
                </Button>
              )}
            </div>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {grid.level === 3 && grid.primary?.onLeave && (
        <Typography.Paragraph type="warning" className="places-cover-note" data-testid="backup-covers">
          {grid.backup ? t('duty.backupCovers', { primary: grid.primary.displayName, backup: grid.backup.displayName }) : t('duty.noBackup', { primary: grid.primary.displayName })}
        </Typography.Paragraph>
      )}
      <DutyModal grid={grid} duty={editing} onClose={() => setEditing(null)} />
    </>
  );
}

interface LeaveValues {
  accountId: string;
  range: [Dayjs, Dayjs];
  reason?: string;
}

/** Leave records of the grid's post holders: add a date range, remove one. */
export function LeavePanel({ grid, leaves }: { grid: Grid; leaves: readonly Leave[] }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<LeaveValues>();
  const create = usePlacesMutation(placesApi.createLeave);
  const remove = usePlacesMutation(placesApi.deleteLeave);
  const holders = (['primary', 'backup', 'leader'] as const).flatMap((d) => (grid[d] ? [{ duty: d, ...grid[d] }] : []));
  const ids = new Set(holders.map((h) => h.accountId));
  const mine = leaves.filter((l) => ids.has(l.accountId));
  const mayEdit = can(me, 'duty.manage');
  const submit = (v: LeaveValues) =>
    create.mutate(
      { communityId: grid.communityId, accountId: v.accountId, startsOn: v.range[0].format('YYYY-MM-DD'), endsOn: v.range[1].format('YYYY-MM-DD'), reason: v.reason?.trim() || null },
      { onSuccess: () => (message.success(tc('common.saved')), setAdding(false)), onError: (e) => message.error(e.message) },
    );
  return (
    <>
      <List
        size="small"
        header={
          <div className="places-duty-row">
            <Typography.Text strong>{t('leave.title')}</Typography.Text>
            {mayEdit && holders.length > 0 && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-leave">
                {t('leave.add')}
              </Button>
            )}
          </div>
        }
        dataSource={mine}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leave.empty')} /> }}
        renderItem={(l) => (
          <List.Item
            actions={
              mayEdit
                ? [
                    <Popconfirm key="del" title={t('leave.removeConfirm')} onConfirm={() => remove.mutate(l.id, { onError: (e) => message.error(e.message) })}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space wrap>
              <span>{l.displayName}</span>
              <Tag>{`${l.startsOn} ~ ${l.endsOn}`}</Tag>
              {l.reason && <Typography.Text type="secondary">{l.reason}</Typography.Text>}
            </Space>
          </List.Item>
        )}
        data-testid="leave-list"
      />
      <Modal open={adding} title={t('leave.add')} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item name="accountId" label={t('duty.person')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={holders.map((h) => ({ value: h.accountId, label: `${h.displayName}（${t(`duty.${h.duty}`)}）` }))} />
          </Form.Item>
          <Form.Item name="range" label={t('leave.range')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker.RangePicker className="full-width" />
          </Form.Item>
          <Form.Item name="reason" label={t('leave.reason')} rules={[zodRule(places.CreateLeaveBody.shape.reason, tc)]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
