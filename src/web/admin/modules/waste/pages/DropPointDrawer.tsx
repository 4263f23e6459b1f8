/** One drop point in full: where and when, its bins by kind and colour, the buildings it serves, its supervisors. */
import { CheckSquareOutlined, EditOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Descriptions, Divider, Drawer, Empty, List, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../../shared/api';
import { BinGrid, BinSummary } from '../components';
import { useBuildings, wasteKey, type DropPoint } from '../data';

export function DropPointDrawer({ id, communityName, onClose, onEdit }: { id: string; communityName: Map<string, string>; onClose: () => void; onEdit?: (p: DropPoint) => void }) {
  const { t } = useTranslation('waste');
  const navigate = useNavigate();
  const point = useQuery({ queryKey: [...wasteKey, 'point', id], queryFn: ({ signal }) => api.get<DropPoint>(`/waste/drop-points/${id}`, { signal }) });
  const buildings = useBuildings(point.data?.communityId);
  const p = point.data;
  const served = p ? (buildings.data ?? []).filter((b) => p.buildingIds.includes(b.id)) : [];

  return (
    <Drawer
      open
      width={560}
      onClose={onClose}
      title={p?.name ?? t('points.detailTitle')}
      data-testid="point-drawer"
      destroyOnHidden
      extra={
        p && (
          <Space>
            <Button icon={<CheckSquareOutlined />} onClick={() => void navigate(`/waste/records?point=${p.id}`)}>
              {t('points.todayRecords')}
            </Button>
            {onEdit && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(p)}>
                {t('common.edit')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {point.isPending ? (
        <Skeleton active />
      ) : point.isError ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={point.error.message} />
      ) : (
        p && (
          <>
            <Descriptions column={1} size="small" bordered className="waste-descriptions">
              <Descriptions.Item label={t('points.fields.community')}>{communityName.get(p.communityId) ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('points.fields.location')}>{p.location ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('points.fields.hours')}>{p.hours ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('points.fields.households')}>{t('points.householdCount', { count: p.households })}</Descriptions.Item>
              <Descriptions.Item label={t('points.fields.status')}>
                <Badge status={p.status === 'active' ? 'success' : 'default'} text={t(`pointStatus.${p.status}`)} />
              </Descriptions.Item>
            </Descriptions>

            <Divider orientation="left" plain>
              {t('points.binsTitle', { count: p.bins.length })}
            </Divider>
            <BinSummary bins={p.bins} />
            <BinGrid bins={p.bins} />

            <Divider orientation="left" plain>
              {t('points.buildingsTitle', { count: p.buildingIds.length })}
            </Divider>
            {p.buildingIds.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.noBuildings')} />
            ) : buildings.isPending ? (
              <Skeleton active paragraph={{ rows: 1 }} />
            ) : (
              <Space size={[6, 6]} wrap data-testid="point-buildings">
                {served.map((b) => (
                  <Tag key={b.id} bordered={false}>
                    {b.estateName} {b.name} · {t('points.householdCount', { count: b.householdCount })}
                  </Tag>
                ))}
              </Space>
            )}

            <Divider orientation="left" plain>
              {t('points.supervisorsTitle')}
            </Divider>
            {p.supervisors.length === 0 ? (
              <Typography.Text type="warning">{t('points.noSupervisor')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={p.supervisors}
                renderItem={(s) => (
                  <List.Item>
                    <Space>
                      <UserOutlined />
                      {s.displayName}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </>
        )
      )}
    </Drawer>
  );
}
