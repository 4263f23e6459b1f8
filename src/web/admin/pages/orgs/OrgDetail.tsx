/** The selected org node: its details, its children, its centers; edit and add-child for org.manage. */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../shared/labels';
import { can, useMe } from '../../../shared/me';
import type { OrgView } from '../../../shared/types';
import { useCenters } from '../../data/centers';
import { childKindOf } from '../../data/orgs';
import { OrgFormModal } from './OrgFormModal';

export function OrgDetail({ org, orgs, onSelect }: { org: OrgView; orgs: OrgView[]; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { data: me } = useMe();
  const manage = can(me, 'org.manage');
  const centers = useCenters(can(me, 'center.read'));
  const [modal, setModal] = useState<'edit' | 'create' | null>(null);
  const parent = orgs.find((o) => o.id === org.parentId);
  const children = orgs.filter((o) => o.parentId === org.id).sort((a, b) => (a.code ?? a.name).localeCompare(b.code ?? b.name));
  const childKind = childKindOf(org.kind);
  const ownCenters = (centers.data ?? []).filter((c) => c.communityId === org.id);

  return (
    <Space direction="vertical" size={16} className="full-width">
      <Card
        variant="borderless"
        data-testid="org-detail"
        title={
          <Space>
            {org.name}
            <Tag color="red" bordered={false}>
              {labels.orgKind(org.kind)}
            </Tag>
          </Space>
        }
        extra={
          manage && (
            <Space>
              {childKind && (
                <Button icon={<PlusOutlined />} onClick={() => setModal('create')} data-testid="org-add-child">
                  {t(childKind === 'street' ? 'orgs.addStreet' : 'orgs.addCommunity')}
                </Button>
              )}
              <Button type="primary" icon={<EditOutlined />} onClick={() => setModal('edit')} data-testid="org-edit">
                {t('common.edit')}
              </Button>
            </Space>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="middle">
          <Descriptions.Item label={t('orgs.fields.name')}>{org.name}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.fields.kind')}>{labels.orgKind(org.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.fields.code')}>{org.code ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.fields.parent')}>{parent?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.fields.phone')}>{org.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.fields.timezone')}>{org.timezone}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.fields.address')} span={2}>
            {org.address ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {children.length > 0 && (
        <Card variant="borderless" title={t('orgs.children', { count: children.length })}>
          <Table<OrgView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={children}
            onRow={(row) => ({ onClick: () => onSelect(row.id), className: 'clickable-row' })}
            columns={[
              { title: t('orgs.fields.name'), dataIndex: 'name' },
              { title: t('orgs.fields.kind'), dataIndex: 'kind', render: (k: string) => labels.orgKind(k), width: 120 },
              { title: t('orgs.fields.code'), dataIndex: 'code', width: 120, render: (v: string | null) => v ?? '—' },
              { title: t('orgs.fields.phone'), dataIndex: 'phone', width: 160, render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
      )}

      {org.kind === 'community' && can(me, 'center.read') && (
        <Card variant="borderless" title={t('orgs.centersOfCommunity')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            loading={centers.isPending}
            dataSource={ownCenters}
            locale={{ emptyText: t('centers.empty') }}
            columns={[
              { title: t('centers.fields.name'), dataIndex: 'name' },
              { title: t('centers.fields.areaM2'), dataIndex: 'areaM2', width: 120, render: (v: number | null) => (v ? t('centers.area', { value: v.toLocaleString() }) : '—') },
              { title: t('centers.fields.openingHours'), dataIndex: 'openingHours', width: 140, render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
      )}

      {modal && (
        <OrgFormModal
          mode={modal}
          org={org}
          childKind={childKind}
          onClose={() => setModal(null)}
          onCreated={(created) => onSelect(created.id)}
        />
      )}
    </Space>
  );
}
