/**
 * 组织架构与党员: the party org tree of the community (党委 → 党支部 → 楼栋党小组) on the left; the
 * selected org's buildings, officers and members — or its points ranking — on the right.
 */
import { ApartmentOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Result, Row, Space, Tabs, Tag, Tree, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../../../shared/me';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, useCommunity } from '../components';
import { usePartyOrgs, type PartyOrg } from '../data';
import { MemberFormModal } from './MemberFormModal';
import { MembersTable } from './MembersTable';
import { OfficerModal } from './OfficerModal';
import { OrgFormModal } from './OrgFormModal';
import { RankingTable } from './RankingTable';

interface TreeNode {
  key: string;
  title: ReactNode;
  children: TreeNode[];
}

const kindColor = { committee: 'red', general_branch: 'volcano', branch: 'orange', group: 'gold' } as const;

export default function OrgsPage() {
  const { t } = useTranslation('party');
  const { data: me } = useMe();
  const [communityId, setCommunityId] = useCommunity();
  const orgs = usePartyOrgs(communityId);
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'org' | 'member' | 'officer' | null>(null);
  const manage = { org: can(me, 'party_org.manage'), member: can(me, 'party_member.manage') };

  const tree = useMemo(() => {
    const list = orgs.data ?? [];
    const nodes = new Map<string, TreeNode>(
      list.map((o) => [
        o.id,
        {
          key: o.id,
          title: (
            <span className="party-tree-title" data-testid={`org-${o.name}`}>
              <Tag color={kindColor[o.kind]} bordered={false}>
                {t(`orgKinds.${o.kind}`)}
              </Tag>
              {o.name}
              <Typography.Text type="secondary"> · {t('orgs.memberCount', { count: o.memberCount })}</Typography.Text>
            </span>
          ),
          children: [],
        },
      ]),
    );
    const roots: TreeNode[] = [];
    for (const o of list) (o.parentId && nodes.get(o.parentId) ? nodes.get(o.parentId)!.children : roots).push(nodes.get(o.id)!);
    return roots;
  }, [orgs.data, t]);

  const org = orgs.data?.find((o) => o.id === selected) ?? null;

  return (
    <PageContainer
      title={t('nav.partyOrgs')}
      description={t('orgs.description')}
      extra={
        <Space>
          <CommunitySelect value={communityId} onChange={setCommunityId} />
          {manage.org && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('org')} data-testid="org-create">
              {t('orgs.create')}
            </Button>
          )}
          {manage.member && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog('member')} data-testid="member-create">
              {t('members.create')}
            </Button>
          )}
        </Space>
      }
    >
      {orgs.isError ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={orgs.error.message} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={8}>
            <Card variant="borderless" title={t('orgs.tree')} loading={orgs.isPending} data-testid="org-tree">
              {tree.length === 0 ? (
                <Empty description={t('orgs.empty')} />
              ) : (
                <Tree<TreeNode> treeData={tree} defaultExpandAll blockNode selectedKeys={selected ? [selected] : []} onSelect={(keys) => setSelected((keys[0] as string) ?? null)} />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            {org && <OrgCard org={org} canManage={manage.org} onAppoint={() => setDialog('officer')} />}
            <Card variant="borderless" className="party-section">
              <Tabs
                items={[
                  { key: 'members', label: t('members.title'), children: <MembersTable communityId={communityId} org={org} /> },
                  { key: 'ranking', label: t('points.ranking'), children: <RankingTable communityId={communityId} orgId={org?.id} /> },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      {dialog === 'org' && <OrgFormModal communityId={communityId} orgs={orgs.data ?? []} parent={org} onClose={() => setDialog(null)} />}
      {dialog === 'member' && <MemberFormModal communityId={communityId} orgs={orgs.data ?? []} orgId={org?.id} onClose={() => setDialog(null)} />}
      {dialog === 'officer' && org && <OfficerModal org={org} onClose={() => setDialog(null)} />}
    </PageContainer>
  );
}

function OrgCard({ org, canManage, onAppoint }: { org: PartyOrg; canManage: boolean; onAppoint: () => void }) {
  const { t } = useTranslation('party');
  return (
    <Card
      variant="borderless"
      className="party-section"
      title={
        <Space>
          <ApartmentOutlined />
          {org.name}
        </Space>
      }
      extra={canManage && <Button onClick={onAppoint}>{t('orgs.appoint')}</Button>}
      data-testid="org-card"
    >
      <Descriptions column={2} size="small">
        <Descriptions.Item label={t('orgs.kind')}>{t(`orgKinds.${org.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('orgs.members')}>{org.memberCount}</Descriptions.Item>
        {org.kind === 'group' && (
          <Descriptions.Item label={t('orgs.buildings')} span={2}>
            {org.buildings.length ? org.buildings.map((b) => <Tag key={b.id}>{b.name}</Tag>) : <Typography.Text type="secondary">{t('orgs.noBuildings')}</Typography.Text>}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('orgs.officers')} span={2}>
          {org.officers.length === 0 ? (
            <Typography.Text type="secondary">{t('orgs.noOfficers')}</Typography.Text>
          ) : (
            <Space wrap>
              {org.officers.map((o) => (
                <Tag key={o.id} color={o.current ? 'red' : 'default'} bordered={false}>
                  {t(`officerRoles.${o.role}`)} {o.memberName} · {o.termStart}–{o.termEnd ?? t('orgs.present')}
                </Tag>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
