/** The org tree in the caller's scope (district → street → community), shared by every admin page. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { OrgKind, OrgView } from '../../shared/types';

export const orgsKey = ['orgs'] as const;

export interface OrgFields {
  name: string;
  code?: string | null;
  phone?: string | null;
  address?: string | null;
}

export type OrgNode = OrgView & { children: OrgNode[] };

/** Every org node the caller may see; the list is small (one district) and changes rarely. */
export function useOrgs(enabled = true) {
  return useQuery({ queryKey: orgsKey, queryFn: ({ signal }) => api.get<OrgView[]>('/orgs', { signal }), staleTime: 5 * 60_000, enabled });
}

/** Nodes whose parent is not visible become roots, so a street secretary's tree starts at the street. */
export function buildTree(orgs: OrgView[]): OrgNode[] {
  const byId = new Map<string, OrgNode>(orgs.map((o) => [o.id, { ...o, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (nodes: OrgNode[]) => {
    nodes.sort((a, b) => (a.code ?? a.name).localeCompare(b.code ?? b.name, 'zh-CN'));
    for (const n of nodes) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** What may be added under a node through the org screen (grids are maintained with places). */
export function childKindOf(kind: OrgKind): 'street' | 'community' | null {
  if (kind === 'district') return 'street';
  if (kind === 'street') return 'community';
  return null;
}

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgFields & { parentId: string; kind: 'street' | 'community' }) => api.post<OrgView>('/orgs', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgsKey }),
  });
}

export function useUpdateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<OrgFields> & { id: string; version: number }) => api.patch<OrgView>(`/orgs/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgsKey }),
  });
}
