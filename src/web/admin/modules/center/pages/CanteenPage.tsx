/**
 * 食堂: the day's menu of a canteen (each sitting with seats taken, orders and the cut-off), the
 * orders board (serve at the counter, cancel, order for a resident), the subsidy rules and the
 * monthly subsidy statement per funding source.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Progress, Select, Space, Spin, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { PageContainer } from '../../../components/PageContainer';
import { communityToday, yuan, type Menu } from '../common';
import { CenterSelect, useCenterChoice } from '../components';
import { useCanteens, useMenus } from '../data';
import { MenuFormModal } from './MenuFormModal';
import { OrdersBoard } from './OrdersBoard';
import { StatementPanel, SubsidyRulesPanel } from './SubsidyPanels';
import '../center.css';

export default function CanteenPage() {
  const { t } = useTranslation('center');
  const me = useMe();
  const choice = useCenterChoice();
  const canteens = useCanteens(choice.centerId);
  const [canteenId, setCanteenId] = useState<string>();
  const [day, setDay] = useState(communityToday());
  const [menuId, setMenuId] = useState<string>();
  const [addingMenu, setAddingMenu] = useState(false);
  useEffect(() => {
    const list = canteens.data ?? [];
    if (list.length && !list.some((c) => c.id === canteenId)) setCanteenId(list[0]!.id);
  }, [canteens.data, canteenId]);
  const canteen = canteens.data?.find((c) => c.id === canteenId);
  const menus = useMenus(canteenId, day, day);
  useEffect(() => setMenuId(undefined), [day, canteenId]);
  const manage = can(me.data, 'canteen.manage');

  return (
    <PageContainer
      title={t('nav.centerCanteen')}
      description={t('navDescriptions.centerCanteen')}
      extra={
        manage &&
        canteen && (
          <Button icon={<PlusOutlined />} onClick={() => setAddingMenu(true)} data-testid="create-menu">
            {t('canteen.addMenu')}
          </Button>
        )
      }
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <CenterSelect choice={choice} />
            {(canteens.data?.length ?? 0) > 1 && <Select className="toolbar-select wide" value={canteenId} onChange={setCanteenId} options={(canteens.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />}
            <DatePicker value={dayjs(day)} onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))} allowClear={false} data-testid="canteen-day" />
            {canteen && (
              <span className="center-muted">
                {t('canteen.info', { name: canteen.name, seats: canteen.seatsPerSitting, cutoff: canteen.orderCutoff })}
              </span>
            )}
          </Space>
        </div>
        {canteens.data && canteens.data.length === 0 ? (
          <Empty description={t('empty.canteens')} />
        ) : (
          <>
            <Spin spinning={menus.isFetching}>
              <div className="center-kpis" data-testid="menus">
                {(menus.data ?? []).length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.menus')} />}
                {(menus.data ?? []).map((m) => (
                  <MenuCard key={m.id} menu={m} selected={menuId === m.id} onSelect={() => setMenuId(menuId === m.id ? undefined : m.id)} />
                ))}
              </div>
            </Spin>
            <Tabs
              items={[
                { key: 'orders', label: t('canteen.orders'), children: canteen && <OrdersBoard canteen={canteen} day={day} menus={menus.data ?? []} menuId={menuId} /> },
                { key: 'rules', label: t('canteen.rules'), children: canteen && <SubsidyRulesPanel canteenId={canteen.id} /> },
                ...(can(me.data, 'meal_subsidy.read') ? [{ key: 'statement', label: t('canteen.statement'), children: canteen && <StatementPanel canteenId={canteen.id} /> }] : []),
              ]}
            />
          </>
        )}
      </Card>
      {addingMenu && canteen && <MenuFormModal canteen={canteen} day={day} onClose={() => setAddingMenu(false)} />}
    </PageContainer>
  );
}

function MenuCard({ menu, selected, onSelect }: { menu: Menu; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation('center');
  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      className="center-menu-card"
      style={selected ? { borderColor: '#1677ff' } : undefined}
      title={
        <Space>
          <strong>{t(`meals.${menu.meal}`)}</strong>
          <span>{yuan(menu.priceFen)}</span>
          {menu.status === 'cancelled' ? <Tag>{t('canteen.menuCancelled')}</Tag> : menu.orderOpen ? <Tag color="green">{t('canteen.orderOpen')}</Tag> : <Tag>{t('canteen.orderClosed')}</Tag>}
        </Space>
      }
      data-testid={`menu-${menu.meal}`}
    >
      <div className="center-dishes">{menu.dishes.join('、')}</div>
      <div className="center-progress-label">{t('canteen.seatsTaken', { taken: menu.dineInTaken, seats: menu.seats })}</div>
      <Progress percent={Math.round((menu.dineInTaken / Math.max(1, menu.seats)) * 100)} size="small" showInfo={false} status={menu.dineInTaken >= menu.seats ? 'exception' : 'normal'} />
      <div className="center-muted">
        {t('canteen.menuCounts', { orders: menu.orderCount, pickup: menu.pickupCount, served: menu.servedCount })}
        <br />
        {t('canteen.cutoffAt', { at: formatDateTime(menu.orderCutoffAt) })}
      </div>
    </Card>
  );
}
