import type { TOrgNode } from "@ascent/contract";
import { useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { useOrgChart } from "../../api/people-queries.ts";

/** Levels shown open at first: the root and the people right below it. */
const OPEN_LEVELS = 2;
/** How many levels each lazy load brings: the opened person and their reports. */
const LAZY_DEPTH = 2;

export interface OrgTreeProps {
  roots: TOrgNode[];
  label: string;
  selectedId: string | null;
  onSelect: (node: TOrgNode) => void;
  /** Enter on an item: open that person. */
  onActivate: (node: TOrgNode) => void;
}

interface TreeState {
  register: (node: TOrgNode) => void;
  isExpanded: (node: TOrgNode, level: number) => boolean;
  toggle: (id: string) => void;
  selectedId: string | null;
  onItemClick: (event: MouseEvent, node: TOrgNode) => void;
}

function hasReports(node: TOrgNode): boolean {
  return node.directReportCount > 0;
}

function reportCount(node: TOrgNode): string {
  if (node.directReportCount === 0) return "";
  return `${node.directReportCount} direct report${node.directReportCount === 1 ? "" : "s"}`;
}

function TreeItem({
  node,
  level,
  position,
  setSize,
  state,
}: {
  node: TOrgNode;
  level: number;
  position: number;
  setSize: number;
  state: TreeState;
}) {
  state.register(node);
  const isParent = hasReports(node);
  const isExpanded = isParent && state.isExpanded(node, level);
  const isSelected = state.selectedId === node.id;
  const labelId = `org-node-${node.id}`;
  return (
    <li
      role="treeitem"
      aria-labelledby={labelId}
      aria-level={level}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-selected={isSelected}
      {...(isParent ? { "aria-expanded": isExpanded } : {})}
      tabIndex={isSelected ? 0 : -1}
      data-node-id={node.id}
      className="org-tree__item"
      onClick={(event) => state.onItemClick(event, node)}
    >
      <div id={labelId} className="org-tree__row">
        <span
          className={`org-tree__toggle${isParent ? "" : " org-tree__toggle--leaf"}`}
          aria-hidden="true"
          data-toggle={isParent ? node.id : undefined}
        >
          {isParent ? (isExpanded ? "▾" : "▸") : ""}
        </span>
        <span className="org-tree__name">{node.name}</span>
        <span className="org-tree__details">
          {[node.title, node.level ? node.level.name : "not placed on the ladder", reportCount(node)]
            .filter(Boolean)
            .join(" · ")}
          {node.status === "inactive" ? " · inactive" : ""}
        </span>
      </div>
      {isExpanded && <TreeGroup node={node} level={level} state={state} />}
    </li>
  );
}

function TreeGroup({ node, level, state }: { node: TOrgNode; level: number; state: TreeState }) {
  // Reports beyond the loaded depth come empty though the count says otherwise: fetch them now.
  const needsLoad = node.reports.length === 0 && node.directReportCount > 0;
  const lazy = useOrgChart(node.id, LAZY_DEPTH, needsLoad);
  const reports = needsLoad ? (lazy.data?.roots[0]?.reports ?? []) : node.reports;
  if (needsLoad && (lazy.isPending || lazy.isError)) {
    return (
      <ul role="group" className="org-tree__group">
        <li role="none" className="org-tree__note">
          {lazy.isError ? (
            <span role="alert">
              Their reports could not be loaded.{" "}
              <button type="button" className="button--link button" onClick={() => void lazy.refetch()}>
                Retry
              </button>
            </span>
          ) : (
            <span role="status">Loading {node.name}’s reports…</span>
          )}
        </li>
      </ul>
    );
  }
  return (
    <ul role="group" className="org-tree__group">
      {reports.map((report, index) => (
        <TreeItem
          key={report.id}
          node={report}
          level={level + 1}
          position={index + 1}
          setSize={reports.length}
          state={state}
        />
      ))}
    </ul>
  );
}

/** The visible items in reading order; collapsed groups are not rendered, so all found are visible. */
function visibleItems(tree: HTMLElement): HTMLElement[] {
  return [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
}

/**
 * The reporting tree as an ARIA tree (one Tab stop; arrows move, Right/Left open and close,
 * Home/End jump, Enter opens the person). Selection follows focus and drives the details panel.
 */
export function OrgTree({ roots, label, selectedId, onSelect, onActivate }: OrgTreeProps) {
  const treeRef = useRef<HTMLUListElement>(null);
  // Items differ from the default (open down to OPEN_LEVELS) only where someone toggled them.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  // Every rendered item registers here, lazily loaded ones included, so keys can find their person.
  const nodes = useRef(new Map<string, TOrgNode>());
  const activeId = selectedId ?? roots[0]?.id ?? null;

  const toggle = (id: string) =>
    setToggled((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const state: TreeState = {
    register: (node) => nodes.current.set(node.id, node),
    isExpanded: (node, level) => (level <= OPEN_LEVELS) !== toggled.has(node.id),
    toggle,
    selectedId: activeId,
    onItemClick: (event, node) => {
      event.stopPropagation();
      const target = event.target as HTMLElement;
      if (target.closest("button")) return;
      if (target.dataset.toggle) toggle(node.id);
      onSelect(node);
      (event.currentTarget as HTMLElement).focus();
    },
  };

  function nodeOf(item: HTMLElement | null | undefined): TOrgNode | undefined {
    const id = item?.dataset.nodeId;
    return id ? nodes.current.get(id) : undefined;
  }

  function moveTo(item: HTMLElement | null | undefined) {
    if (!item) return;
    const node = nodeOf(item);
    if (node) onSelect(node);
    item.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const tree = treeRef.current;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!tree || !current) return;
    const items = visibleItems(tree);
    const index = items.indexOf(current);
    const isExpanded = current.getAttribute("aria-expanded") === "true";
    const isParent = current.hasAttribute("aria-expanded");
    const id = current.dataset.nodeId ?? "";
    let handled = true;
    switch (event.key) {
      case "ArrowDown":
        moveTo(items[index + 1]);
        break;
      case "ArrowUp":
        moveTo(items[index - 1]);
        break;
      case "Home":
        moveTo(items[0]);
        break;
      case "End":
        moveTo(items.at(-1));
        break;
      case "ArrowRight":
        if (isParent && !isExpanded) toggle(id);
        else if (isExpanded) moveTo(current.querySelector<HTMLElement>('[role="treeitem"]'));
        break;
      case "ArrowLeft":
        if (isExpanded) toggle(id);
        else moveTo(current.parentElement?.closest<HTMLElement>('[role="treeitem"]'));
        break;
      case "Enter": {
        const node = nodeOf(current);
        if (node) onActivate(node);
        break;
      }
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  return (
    <ul ref={treeRef} role="tree" aria-label={label} className="org-tree" onKeyDown={handleKeyDown}>
      {roots.map((root, index) => (
        <TreeItem
          key={root.id}
          node={root}
          level={1}
          position={index + 1}
          setSize={roots.length}
          state={state}
        />
      ))}
    </ul>
  );
}
