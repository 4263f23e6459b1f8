/** Small pieces the places pages share: texts, tags, the community choice, grid and tag pickers. */
import { Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { places } from '../../../../../contracts';
import { useCommunities, useGrids, type Grid } from '../data';

export type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** `t` of the places namespace, for keys built at run time from server vocabularies. */
export function usePlacesT(): LooseT {
  const { t } = useTranslation('places');
  return t as unknown as LooseT;
}

export const tagColor: Record<string, string> = {
  elderly_alone: 'volcano',
  empty_nest: 'orange',
  left_behind_child: 'gold',
  disabled: 'purple',
  veteran: 'green',
  dibao: 'blue',
  tekun: 'geekblue',
};

export function ResidentTags({ values }: { values: readonly string[] }) {
  const t = usePlacesT();
  if (!values.length) return <>—</>;
  return (
    <>
      {values.map((v) => (
        <Tag key={v} bordered={false} color={tagColor[v]}>
          {t(`tags.${v}`, { defaultValue: v })}
        </Tag>
      ))}
    </>
  );
}

export function TagSelect(props: { value?: string[]; onChange?: (v: string[]) => void; placeholder?: string; className?: string; 'data-testid'?: string }) {
  const t = usePlacesT();
  return (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      className={props.className}
      placeholder={props.placeholder}
      value={props.value}
      onChange={props.onChange}
      options={places.residentTags.map((tag) => ({ value: tag, label: t(`tags.${tag}`) }))}
      data-testid={props['data-testid']}
    />
  );
}

/** A grid's name with its parent path ("东片区 / 第1网格"). */
export function gridPath(grid: Grid, all: readonly Grid[]): string {
  const byId = new Map(all.map((g) => [g.id, g]));
  const names = [grid.name];
  let parent = grid.parentId ? byId.get(grid.parentId) : undefined;
  while (parent && parent.level >= 2) {
    names.unshift(parent.name);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return names.join(' / ');
}

/** Level-3 grids (the ones buildings belong to), or all grids with `anyLevel`. */
export function GridSelect(props: { communityId?: string; value?: string | null; onChange?: (v: string | undefined) => void; anyLevel?: boolean; placeholder?: string; className?: string; allowClear?: boolean; 'data-testid'?: string }) {
  const grids = useGrids(props.communityId);
  const list = (grids.data ?? []).filter((g) => props.anyLevel || g.level === 3);
  return (
    <Select
      allowClear={props.allowClear ?? true}
      showSearch
      optionFilterProp="label"
      loading={grids.isPending}
      className={props.className}
      placeholder={props.placeholder}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      options={list.map((g) => ({ value: g.id, label: gridPath(g, grids.data ?? []) }))}
      data-testid={props['data-testid']}
    />
  );
}

/**
 * The community a page works in: community staff have exactly one; street staff pick one of theirs.
 * Grid workers see no community node and work without one (the API scopes them to their grids).
 */
export function useCommunityChoice() {
  const communities = useCommunities();
  const [chosen, setChosen] = useState<string>();
  const list = communities.data ?? [];
  useEffect(() => {
    if (!chosen && list.length > 0) setChosen(list[0]!.id);
  }, [chosen, list]);
  return { communities: list, communityId: chosen, setCommunityId: setChosen, loading: communities.isPending };
}

export function CommunitySelect({ choice }: { choice: ReturnType<typeof useCommunityChoice> }) {
  const t = usePlacesT();
  if (choice.communities.length <= 1) return null;
  return (
    <Select
      className="toolbar-select"
      value={choice.communityId}
      onChange={choice.setCommunityId}
      placeholder={t('common.community')}
      options={choice.communities.map((c) => ({ value: c.id, label: c.name }))}
      data-testid="community-select"
    />
  );
}
