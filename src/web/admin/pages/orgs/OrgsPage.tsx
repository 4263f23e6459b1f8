/**
 * 组织架构: the org tree in the caller's scope on the left (searchable), the selected node's details
 * on the right; with org.manage, edit a node (with its version) and add streets and communities.
 */
import { ApartmentOutlined, BankOutlined, ClusterOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Input, Result, Row, Skeleton, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../shared/labels';
import type { OrgKind } from '../../../shared/types';
import { PageContainer } from '../../components/PageContainer';
import { buildTree, useOrgs, type OrgNode } from '../../data/orgs';
import { OrgDetail } from './OrgDetail';

const kindIcon: Record<OrgKind, ReactNode> = {
  district: <ClusterOutlined />,
  street: <ApartmentOutlined />,
  community: <BankOutlined />,
  grid: <EnvironmentOutlined />,
};

function toTreeData(nodes: OrgNode[], search: string, kindLabel: (k: string) => string): TreeDataNode[] {
  const out: TreeDataNode[] = [];
  for (const node of nodes) {
    const children = toTreeData(node.children, search, kindLabel);
    const hit = !search || node.name.includes(search) || (node.code ?? '').toLowerCase().includes(search.toLowerCase());
    if (!hit && children.length === 0) continue;
    out.push({
      key: node.id,
      icon: kindIcon[node.kind],
      title: (
        <span className={hit && search ? 'tree-hit' : undefined}>
          {node.name}
          <span className="tree-kind">{kindLabel(node.kind)}</span>
        </span>
      ),
      children,
    });
  }
  return out;
}

export default function OrgsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const orgs = useOrgs();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const tree = useMemo(() => buildTree(orgs.data ?? []), [orgs.data]);
  const treeData = useMemo(() => toTreeData(tree, search.trim(), labels.orgKind), [tree, search, labels.orgKind]);
  const selected = orgs.data?.find((o) => o.id === (selectedId ?? tree[0]?.id)) ?? null;
  const expanded = useMemo(() => (orgs.data ?? []).filter((o) => o.kind === 'district' || o.kind === 'street').map((o) => o.id), [orgs.data]);

  return (
    <PageContainer title={t('nav.orgs')} description={t('orgs.description')}>
      {orgs.isError ? (
        <Result status="error" title={t('errors.loadFailed')} subTitle={orgs.error.message} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={9} xl={8}>
            <Card variant="borderless" title={t('orgs.treeTitle')} className="org-tree-card">
              <Input.Search allowClear placeholder={t('orgs.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} className="org-search" />
              {orgs.isPending ? (
                <Skeleton active />
              ) : treeData.length === 0 ? (
                <Empty description={t('orgs.noMatch')} />
              ) : (
                <Tree
                  showIcon
                  blockNode
                  defaultExpandedKeys={expanded}
                  {...(search ? { expandedKeys: (orgs.data ?? []).map((o) => o.id) } : {})}
                  selectedKeys={selected ? [selected.id] : []}
                  onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
                  treeData={treeData}
                  data-testid="org-tree"
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={15} xl={16}>
            {selected ? (
              <OrgDetail org={selected} orgs={orgs.data ?? []} onSelect={setSelectedId} />
            ) : (
              <Card variant="borderless">{orgs.isPending ? <Skeleton active /> : <Empty description={t('orgs.selectHint')} />}</Card>
            )}
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}
