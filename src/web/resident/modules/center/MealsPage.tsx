/**
 * 幸福食堂订餐: today's and tomorrow's menus; tap a meal, see the price with the subsidy due,
 * choose dine-in or pickup, order with one big button. My coming orders can be cancelled.
 */
import { Button, Dialog, Selector, Tag, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communityToday, yuan, type Menu } from '../../../admin/modules/center/common';
import { CenterPage, Empty, errorText, Loading, WhoPicker } from './common';
import { useCancelOrder, useCanteens, useMenus, useOrder, useQuote, useWho } from './data';

export default function MealsPage() {
  const { t } = useTranslation('center');
  const canteens = useCanteens();
  const canteen = canteens.data?.[0];
  const today = communityToday();
  const tomorrow = dayjs(today).add(1, 'day').format('YYYY-MM-DD');
  const [day, setDay] = useState(today);
  const menus = useMenus(canteen?.id, today, tomorrow);
  const { mine, who, setWho, residents } = useWho();
  const [menuId, setMenuId] = useState<string>();
  const [mode, setMode] = useState<'dine_in' | 'pickup'>('dine_in');
  const dayMenus = (menus.data ?? []).filter((m) => m.servedOn === day && m.status === 'open');
  useEffect(() => {
    const open = dayMenus.find((m) => m.orderOpen);
    if (!dayMenus.some((m) => m.id === menuId)) setMenuId(open?.id);
  }, [dayMenus, menuId]);
  const menu = dayMenus.find((m) => m.id === menuId);
  const quote = useQuote(menu?.orderOpen ? menu.id : undefined, who);
  const order = useOrder();
  const cancel = useCancelOrder();
  const myOrders = (mine.data?.mealOrders ?? []).filter((o) => o.status === 'ordered');

  const submit = async (m: Menu) => {
    const q = quote.data;
    const claim = !!q?.subsidy && !q.alreadyClaimed;
    try {
      const o = await order.mutateAsync({ menuId: m.id, residentId: who, mode, quantity: 1, claimSubsidy: claim });
      await Dialog.alert({ title: t('app.orderedTitle'), content: t('app.orderedText', { meal: t(`meals.${m.meal}`), day: m.servedOn, amount: yuan(o.amountFen) }), confirmText: t('app.ok') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorText(err) });
    }
  };
  const doCancel = async (id: string) => {
    const ok = await Dialog.confirm({ content: t('order.cancelTitle'), confirmText: t('app.cancelOrder'), cancelText: t('app.back') });
    if (!ok) return;
    try {
      await cancel.mutateAsync(id);
      Toast.show({ icon: 'success', content: t('app.cancelled') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorText(err) });
    }
  };
  const q = quote.data;
  const pay = q ? q.priceFen - (q.subsidy && !q.alreadyClaimed ? q.subsidy.subsidyFen : 0) : menu?.priceFen;

  return (
    <CenterPage title={t('tiles.centerMeals.title')} testId="center-meals">
      {canteens.isPending || canteens.isError ? (
        <Loading error={canteens.error} />
      ) : !canteen ? (
        <Empty text={t('app.noCanteen')} />
      ) : (
        <>
          <section className="r-card">
            <div className="r-card-title">{canteen.name}</div>
            <div className="r-line">{t('app.cutoff', { cutoff: canteen.orderCutoff })}</div>
          </section>
          <WhoPicker residents={residents} value={who} onChange={setWho} />
          <Selector className="r-selector c-filter" columns={2} value={[day]} onChange={(v) => v[0] && setDay(v[0])} options={[{ value: today, label: t('app.today') }, { value: tomorrow, label: t('app.tomorrow') }]} />
          {menus.isPending ? (
            <Loading error={menus.error} />
          ) : dayMenus.length === 0 ? (
            <Empty text={t('app.noMenu')} />
          ) : (
            dayMenus.map((m) => (
              <button key={m.id} type="button" className={`r-card c-item c-menu${m.id === menuId ? ' c-menu-selected' : ''}`} onClick={() => setMenuId(m.id)} data-testid={`menu-${m.meal}`}>
                <div className="c-item-head">
                  <span className="c-item-title">
                    {t(`meals.${m.meal}`)} {yuan(m.priceFen)}
                  </span>
                  {m.orderOpen ? <Tag color="success" className="c-tag">{t('canteen.orderOpen')}</Tag> : <Tag className="c-tag">{t('canteen.orderClosed')}</Tag>}
                </div>
                <div className="c-dishes">{m.dishes.join('、')}</div>
                <div className="r-line">{t('app.seatsLeft', { count: Math.max(0, m.seats - m.dineInTaken) })}</div>
              </button>
            ))
          )}
          {menu && menu.orderOpen && (
            <section className="r-card" data-testid="order-panel">
              <div className="r-card-title">{t('app.orderTitle', { meal: t(`meals.${menu.meal}`) })}</div>
              {q && (
                <div className="c-quote" data-testid="meal-quote">
                  {q.subsidy ? (q.alreadyClaimed ? t('order.quoteClaimed', { rule: q.subsidy.ruleName }) : t('app.subsidyLine', { rule: q.subsidy.ruleName, amount: yuan(q.subsidy.subsidyFen) })) : t('app.noSubsidy')}
                </div>
              )}
              <Selector className="r-selector" columns={2} value={[mode]} onChange={(v) => v[0] && setMode(v[0])} options={(['dine_in', 'pickup'] as const).map((x) => ({ value: x, label: t(`mealModes.${x}`) }))} />
              <Button block size="large" color="primary" className="r-big-button c-order-button" loading={order.isPending} onClick={() => void submit(menu)} data-testid="order-button">
                {t('app.orderPay', { amount: yuan(pay) })}
              </Button>
            </section>
          )}
          {myOrders.length > 0 && (
            <section className="r-card" data-testid="my-orders">
              <div className="r-card-title">{t('app.myOrders')}</div>
              {myOrders.map((o) => (
                <div key={o.id} className="c-row">
                  <span>
                    {o.servedOn.slice(5)} {t(`meals.${o.meal}`)} · {t(`mealModes.${o.mode}`)} · {o.residentName} · {yuan(o.amountFen)}
                  </span>
                  <Button size="small" onClick={() => void doCancel(o.id)}>
                    {t('app.cancelOrder')}
                  </Button>
                </div>
              ))}
            </section>
          )}
        </>
      )}
    </CenterPage>
  );
}
