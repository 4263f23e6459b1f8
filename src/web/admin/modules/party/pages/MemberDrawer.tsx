/** 党员档案: status and membership, dues month by month, posts claimed and done, points ledger; reveal and dues for the secretary. */
import { EyeOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Descriptions, Drawer, Empty, Form, InputNumber, List, Space, Statistic, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { MembershipTag } from '../components';
import { post, useMember, useMemberPoints, usePartyMutation } from '../data';

export function MemberDrawer({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const { t } = useTranslation('party');
  const { message } = App.useApp();
  const { data: me } = useMe();
  const member = useMember(memberId);
  const points = useMemberPoints(memberId);
  const [phone, setPhone] = useState<string | null>(null);
  const dues = usePartyMutation(post(`/party-members/${memberId}/dues`));
  const m = member.data;

  const reveal = async () => {
    try {
      const res = await api.post<{ value: string | null }>(`/party-members/${memberId}/reveal`, { field: 'phone', reason: t('members.revealReason') });
      setPhone(res.value ?? '—');
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  const recordDues = async ({ month, amount }: { month: Dayjs; amount: number }) => {
    try {
      await dues.mutateAsync({ month: month.format('YYYY-MM'), amountFen: Math.round(amount * 100) });
      message.success(t('members.duesRecorded'));
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  return (
    <Drawer open width={560} title={m ? m.name : t('members.record')} onClose={onClose} loading={member.isPending} data-testid="member-drawer">
      {m && (
        <>
          <Space size={32} className="party-drawer-figures">
            <Statistic title={t('members.points')} value={m.points} />
            <Statistic title={t('members.lecturesAttended')} value={m.lecturesAttended} />
            <Statistic title={t('members.lecturesGiven')} value={m.lecturesGiven} />
            <Statistic title={t('members.claimsDone')} value={m.claimsDone} suffix={`/ ${m.claimsDone + m.claimsOpen}`} />
          </Space>
          <Descriptions column={2} size="small" className="party-section">
            <Descriptions.Item label={t('members.org')}>{m.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('members.status')}>{t(`status.${m.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('members.membership')}><MembershipTag value={m.membership} /></Descriptions.Item>
            <Descriptions.Item label={t('members.workplace')}>{m.workplace ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('members.joinedOn')}>{m.joinedOn}</Descriptions.Item>
            <Descriptions.Item label={t('members.fullOn')}>{m.fullOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('members.phone')} span={2}>
              <Space>
                {phone ?? m.phone ?? '—'}
                {m.phone && !phone && can(me, 'party_member.reveal') && (
                  <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => void reveal()}>
                    {t('members.reveal')}
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5}>{t('members.dues')}</Typography.Title>
          <Space wrap className="party-dues">
            {m.dues.length === 0 ? <Typography.Text type="secondary">{t('members.noDues')}</Typography.Text> : m.dues.map((d) => <Tag key={d.month} color="red" bordered={false}>{d.month.slice(0, 7)} ¥{(d.amountFen / 100).toFixed(2)}</Tag>)}
          </Space>
          {can(me, 'party_member.manage') && (
            <Form layout="inline" onFinish={(v) => void recordDues(v)} className="party-section">
              <Form.Item name="month" rules={[{ required: true, message: t('common.required') }]}><DatePicker picker="month" /></Form.Item>
              <Form.Item name="amount" rules={[{ required: true, message: t('common.required') }]}><InputNumber min={0} step={1} prefix="¥" /></Form.Item>
              <Button htmlType="submit" loading={dues.isPending}>{t('members.recordDues')}</Button>
            </Form>
          )}

          <Typography.Title level={5}>{t('members.claims')}</Typography.Title>
          {m.claims.length === 0 ? <Empty description={t('members.noClaims')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
            <List size="small" dataSource={m.claims} renderItem={(c) => (
              <List.Item extra={<Tag color={c.status === 'done' ? 'green' : c.status === 'claimed' ? 'blue' : 'default'} bordered={false}>{t(`claimStatus.${c.status}`)}</Tag>}>
                <List.Item.Meta title={c.title} description={formatDateTime(c.startsAt)} />
              </List.Item>
            )} />
          )}

          <Typography.Title level={5}>{t('members.ledger')}</Typography.Title>
          <List size="small" loading={points.isPending} dataSource={points.data?.items ?? []} locale={{ emptyText: t('members.noPoints') }} renderItem={(e) => (
            <List.Item extra={<strong>+{e.points}</strong>}>
              <List.Item.Meta title={t(`pointSources.${e.source}`, { defaultValue: e.source })} description={`${formatDateTime(e.occurredAt)} · ${t('members.quantity', { count: e.quantity })}`} />
            </List.Item>
          )} />
        </>
      )}
    </Drawer>
  );
}
