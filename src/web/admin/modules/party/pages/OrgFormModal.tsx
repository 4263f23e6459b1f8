/** 新建党组织: kind, parent (by the allowed nesting), name, and for a 楼栋党小组 the buildings it covers. */
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { party } from '../../../../../contracts';
import { zodRule } from '../../../components/forms';
import { FormModal } from '../FormModal';
import { post, useBuildings, usePartyMutation, type PartyOrg } from '../data';

type Kind = PartyOrg['kind'];
interface Values {
  kind: Kind;
  parentId?: string;
  name: string;
  buildingIds?: string[];
}

const parentKinds: Record<Kind, (Kind | null)[]> = {
  committee: [null],
  general_branch: [null, 'committee'],
  branch: [null, 'committee', 'general_branch'],
  group: ['general_branch', 'branch'],
};

export function OrgFormModal({ communityId, orgs, parent, onClose }: { communityId: string | undefined; orgs: PartyOrg[]; parent: PartyOrg | null; onClose: () => void }) {
  const { t } = useTranslation('party');
  const { t: tc } = useTranslation();
  const create = usePartyMutation(post('/party-orgs'));
  const buildings = useBuildings(communityId);
  const defaultKind: Kind = parent?.kind === 'branch' ? 'group' : parent ? 'branch' : 'committee';

  return (
    <FormModal<Values>
      title={t('orgs.create')}
      onClose={onClose}
      testId="org-form"
      successText={tc('common.created')}
      initialValues={{ kind: defaultKind, parentId: parent?.id }}
      onSubmit={(v) => create.mutateAsync({ communityId, ...v, parentId: v.parentId ?? null })}
    >
      {(form) => (
        <Form.Item noStyle shouldUpdate>
          {() => {
            const kind = form.getFieldValue('kind') as Kind;
            const parents = orgs.filter((o) => parentKinds[kind].includes(o.kind));
            return (
              <>
                <Form.Item name="kind" label={t('orgs.kind')} required>
                  <Select options={(['committee', 'general_branch', 'branch', 'group'] as const).map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))} />
                </Form.Item>
                <Form.Item name="parentId" label={t('orgs.parent')} required={!parentKinds[kind].includes(null)}>
                  <Select allowClear options={parents.map((o) => ({ value: o.id, label: o.name }))} placeholder={t('orgs.noParent')} />
                </Form.Item>
                <Form.Item name="name" label={t('orgs.name')} rules={[zodRule(party.text(100), tc)]} required>
                  <Input maxLength={100} />
                </Form.Item>
                {kind === 'group' && (
                  <Form.Item name="buildingIds" label={t('orgs.buildings')} extra={t('orgs.buildingsHint')}>
                    <Select
                      mode="multiple"
                      optionFilterProp="label"
                      loading={buildings.isPending}
                      options={(buildings.data ?? []).map((b) => ({ value: b.id, label: `${b.estateName} ${b.name}`, disabled: !!b.orgId }))}
                    />
                  </Form.Item>
                )}
              </>
            );
          }}
        </Form.Item>
      )}
    </FormModal>
  );
}
