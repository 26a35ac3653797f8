/** What a reporting tree needs to know about someone: who they are and whom they report to. */
export interface OrgMember {
  id: string;
  managerId: string | null;
}

export interface OrgNode<T extends OrgMember> {
  member: T;
  /** Direct reports present in the input, whether or not they are shown below this node. */
  directReportCount: number;
  /** Empty beyond `maxDepth`, even when `directReportCount` is not zero. */
  reports: OrgNode<T>[];
}

export interface OrgTreeOptions {
  /** Start from these people; by default from everyone whose manager is not in the list. */
  rootIds?: readonly string[];
  /** How many levels to show, roots being level 1; unlimited by default. */
  maxDepth?: number;
}

/**
 * Builds reporting trees from a flat list; siblings keep the order of the input. Each person
 * appears at most once, so a reporting cycle in the data cannot make the walk loop; without
 * explicit roots, members caught in such a cycle become roots of their own so nobody is lost.
 */
export function buildOrgTree<T extends OrgMember>(members: readonly T[], options: OrgTreeOptions = {}): OrgNode<T>[] {
  const byId = new Map(members.map((member) => [member.id, member]));
  const reportsOf = new Map<string, T[]>();
  for (const member of members) {
    if (member.managerId === null || !byId.has(member.managerId)) continue;
    const siblings = reportsOf.get(member.managerId) ?? [];
    siblings.push(member);
    reportsOf.set(member.managerId, siblings);
  }

  const placed = new Set<string>();
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const grow = (member: T, depth: number): OrgNode<T> => {
    placed.add(member.id);
    const direct = reportsOf.get(member.id) ?? [];
    const reports =
      depth >= maxDepth
        ? []
        : direct.filter((report) => !placed.has(report.id)).map((report) => grow(report, depth + 1));
    return { member, directReportCount: direct.length, reports };
  };

  if (options.rootIds) {
    return options.rootIds.flatMap((id) => {
      const root = byId.get(id);
      return root && !placed.has(id) ? [grow(root, 1)] : [];
    });
  }

  // Reachability ignores maxDepth: it only finds members that no root leads to (a cycle).
  const reached = new Set<string>();
  const reach = (start: T) => {
    const queue = [start];
    for (let member = queue.pop(); member; member = queue.pop()) {
      if (reached.has(member.id)) continue;
      reached.add(member.id);
      queue.push(...(reportsOf.get(member.id) ?? []));
    }
  };
  const roots = members.filter((member) => member.managerId === null || !byId.has(member.managerId));
  roots.forEach(reach);
  for (const member of members) {
    if (reached.has(member.id)) continue;
    roots.push(member);
    reach(member);
  }
  return roots.map((root) => grow(root, 1));
}
