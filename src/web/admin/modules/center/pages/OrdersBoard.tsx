/** 订单看板: the day's meal orders (one sitting or all), serve or cancel each, order at the counter. */
import { App, Button, Checkbox, Form, InputNumber, Modal, Popconfirm, Radio, Segmented, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { orderColor, yuan, type Canteen, type MealOrder, type Menu, type Quote } from '../common';
import { ResidentPicker } from '../components';
import { useCancelOrder, useCounterOrder, useMealOrders, useServeOrder } from '../data';

export function OrdersBoard({ canteen, day, menus, menuId }: { canteen: Canteen; day: string; menus: Menu[]; menuId?: string }) {
  const { t } = useTranslation('center');
  const { message } = App.useApp();
  const me = useMe();
  const paging = useCursorPaging(50);
  const [status, setStatus] = useState<'all' | MealOrder['status']>('ordered');
  const [counter, setCounter] = useState(false);
  const list = useMealOrders({ canteenId: canteen.id, servedOn: day, menuId, status: status === 'all' ? undefined : status, cursor: paging.cursor, limit: paging.size });
  const serve = useServeOrder();
  const cancel = useCancelOrder();
  const mayServe = can(me.data, 'meal_order.serve');
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };

  return (
    <>
      <div className="table-toolbar">
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as typeof status);
            paging.reset();
          }}
          options={(['ordered', 'served', 'cancelled', 'all'] as const).map((s) => ({ value: s, label: t(`orderFilter.${s}`) }))}
          data-testid="order-status-filter"
        />
        {mayServe && menus.length > 0 && (
          <Button type="primary" onClick={() => setCounter(true)} data-testid="counter-order">
            {t('canteen.counterOrder')}
          </Button>
        )}
      </div>
      <Table<MealOrder>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('empty.orders') }}
        data-testid="orders-table"
        columns={[
          { title: t('order.meal'), dataIndex: 'meal', render: (m: MealOrder['meal']) => t(`meals.${m}`) },
          { title: t('order.diner'), dataIndex: 'residentName', render: (n: string | null) => n ?? t('order.guest') },
          { title: t('order.mode'), dataIndex: 'mode', render: (m: MealOrder['mode']) => <Tag color={m === 'dine_in' ? 'blue' : 'purple'}>{t(`mealModes.${m}`)}</Tag> },
          { title: t('order.quantity'), dataIndex: 'quantity' },
          { title: t('order.price'), key: 'price', render: (_, o) => yuan(o.priceFen * o.quantity) },
          { title: t('order.subsidy'), key: 'subsidy', render: (_, o) => (o.subsidyFen > 0 ? <span title={o.fundingSource ?? ''}>-{yuan(o.subsidyFen)}</span> : '—') },
          { title: t('order.amount'), dataIndex: 'amountFen', render: (a: number) => <strong>{yuan(a)}</strong> },
          { title: t('order.channel'), dataIndex: 'channel', render: (c: MealOrder['channel']) => t(`channels.${c}`) },
          { title: t('order.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('order.status'), dataIndex: 'status', render: (s: MealOrder['status'], o) => <Tag color={orderColor[s]}>{s === 'served' && o.servedAt ? t('order.servedAt', { at: formatDateTime(o.servedAt).slice(11) }) : t(`orderStatus.${s}`)}</Tag> },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, o) =>
              o.status === 'ordered' &&
              mayServe && (
                <Space>
                  <Button size="small" type="primary" onClick={() => void act(() => serve.mutateAsync(o.id), t('order.served'))} data-testid="order-serve">
                    {t('order.serve')}
                  </Button>
                  <Popconfirm title={t('order.cancelTitle')} onConfirm={() => act(() => cancel.mutateAsync(o.id), t('order.cancelled'))}>
                    <Button size="small">{t('common.cancelAction')}</Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
      {counter && <CounterOrderModal canteen={canteen} menus={menus} defaultMenuId={menuId} onClose={() => setCounter(false)} />}
    </>
  );
}

interface CounterValues {
  menuId: string;
  residentId?: string;
  mode: 'dine_in' | 'pickup';
  quantity: number;
  claimSubsidy: boolean;
}

/** An order taken at the counter: pick the resident (or a guest), see the subsidy they are due. */
function CounterOrderModal({ canteen, menus, defaultMenuId, onClose }: { canteen: Canteen; menus: Menu[]; defaultMenuId?: string; onClose: () => void }) {
  const { t } = useTranslation('center');
  const { message } = App.useApp();
  const [form] = Form.useForm<CounterValues>();
  const order = useCounterOrder();
  const menuId = Form.useWatch('menuId', form);
  const residentId = Form.useWatch('residentId', form);
  const quote = useQuery({
    queryKey: ['center', 'quote', menuId, residentId],
    queryFn: ({ signal }) => api.get<Quote>(`/canteen-menus/${menuId}/quote`, { query: { residentId }, signal }),
    enabled: !!menuId && !!residentId,
  });
  const submit = async (v: CounterValues) => {
    try {
      const o = await order.mutateAsync({ ...v, claimSubsidy: !!v.claimSubsidy && !!v.residentId && !!quote.data?.subsidy && !quote.data.alreadyClaimed });
      message.success(t('order.created', { amount: yuan(o.amountFen) }));
      onClose();
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };
  const q = quote.data;
  return (
    <Modal open title={t('canteen.counterOrder')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={order.isPending} destroyOnHidden>
      <Form<CounterValues> form={form} layout="vertical" onFinish={submit} initialValues={{ menuId: defaultMenuId ?? menus.find((m) => m.status === 'open')?.id, mode: 'dine_in', quantity: 1, claimSubsidy: true }}>
        <Form.Item name="menuId" label={t('order.meal')} rules={[{ required: true }]}>
          <Select options={menus.filter((m) => m.status === 'open').map((m) => ({ value: m.id, label: `${t(`meals.${m.meal}`)} · ${m.dishes.join('、')} · ${yuan(m.priceFen)}` }))} />
        </Form.Item>
        <Form.Item name="residentId" label={t('order.diner')} extra={t('order.guestHint')}>
          <ResidentPicker communityId={canteen.communityId} />
        </Form.Item>
        {q && (
          <div className="center-hint" data-testid="counter-quote">
            {q.subsidy
              ? q.alreadyClaimed
                ? t('order.quoteClaimed', { rule: q.subsidy.ruleName })
                : t('order.quote', { rule: q.subsidy.ruleName, subsidy: yuan(q.subsidy.subsidyFen), pay: yuan(q.priceFen - q.subsidy.subsidyFen), source: q.subsidy.fundingSource })
              : t('order.quoteNone')}
          </div>
        )}
        <Space size="large">
          <Form.Item name="mode" label={t('order.mode')}>
            <Radio.Group optionType="button" options={(['dine_in', 'pickup'] as const).map((m) => ({ value: m, label: t(`mealModes.${m}`) }))} />
          </Form.Item>
          <Form.Item name="quantity" label={t('order.quantity')}>
            <InputNumber min={1} max={5} />
          </Form.Item>
          <Form.Item name="claimSubsidy" label=" " valuePropName="checked">
            <Checkbox disabled={!q?.subsidy || q.alreadyClaimed}>{t('order.claimSubsidy')}</Checkbox>
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
