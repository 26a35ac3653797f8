import type { TOrgNode } from "@ascent/contract";
import { useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from "react";
import { useOrgChart } from "../../api/people-queries.ts";

/** Levels shown open at first: the root and two levels below it. */
const OPEN_LEVELS = 3;
/** How many levels each lazy load brings: the opened person and their reports. */
const LAZY_DEPTH = 2;

export interface OrgTreeProps {
  roots: TOrgNode[];
  label: string;
  /** The id of the text that explains the keys. */
  describedBy?: string;
  selectedId: string | null;
  onSelect: (node: TOrgNode) => void;
  /** Enter on an item: open that person. */
  onActivate: (node: TOrgNode) => void;
}

interface TreeState {
  register: (node: TOrgNode) => void;
  isExpanded: (node: TOrgNode, level: number) => boolean;
  selectedId: string | null;
  onItemClick: (event: MouseEvent, node: TOrgNode) => void;
}

function reportCount(node: TOrgNode): string {
  if (node.directReportCount === 0) return "";
  return `${node.directReportCount} direct report${node.directReportCount === 1 ? "" : "s"}`;
}

/** The ladder level, unless the company title already says exactly that. */
function levelText(node: TOrgNode): string {
  if (!node.level) return "not placed on the ladder";
  return node.level.name.toLowerCase() === node.title.trim().toLowerCase() ? "" : node.level.name;
}

/**
 * One person and, when open, everyone below them. Items are siblings in one flat list (their
 * depth is aria-level), so each item's name is its own row and not its whole team's.
 */
function TreeBranch({
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
  const isParent = node.directReportCount > 0;
  const isExpanded = isParent && state.isExpanded(node, level);
  // Reports beyond the loaded depth come empty though the count says otherwise: fetch them now.
  const needsLoad = isExpanded && node.reports.length === 0;
  const lazy = useOrgChart(node.id, LAZY_DEPTH, needsLoad);
  const reports = needsLoad ? (lazy.data?.roots[0]?.reports ?? []) : node.reports;
  const isSelected = state.selectedId === node.id;
  const loadNote = !needsLoad
    ? ""
    : lazy.isError
      ? " · their reports could not be loaded; close and open again to retry"
      : lazy.isPending
        ? " · loading their reports…"
        : "";
  return (
    <>
      <li
        role="treeitem"
        aria-level={level}
        aria-posinset={position}
        aria-setsize={setSize}
        aria-selected={isSelected}
        aria-busy={needsLoad && lazy.isPending ? true : undefined}
        {...(isParent ? { "aria-expanded": isExpanded } : {})}
        tabIndex={isSelected ? 0 : -1}
        data-node-id={node.id}
        className="org-tree__item"
        style={{ "--org-level": level - 1 } as CSSProperties}
        onClick={(event) => state.onItemClick(event, node)}
      >
        <span
          className={`org-tree__toggle${isParent ? "" : " org-tree__toggle--leaf"}`}
          aria-hidden="true"
          data-toggle={isParent ? "true" : undefined}
        >
          {isParent ? (isExpanded ? "▾" : "▸") : ""}
        </span>
        <span className="org-tree__name">{node.name}</span>{" "}
        <span className="org-tree__details">
          {[node.title, levelText(node), reportCount(node)].filter(Boolean).join(" · ")}
          {node.status === "inactive" ? " · inactive" : ""}
          {loadNote}
        </span>
      </li>
      {isExpanded &&
        reports.map((report, index) => (
          <TreeBranch
            key={report.id}
            node={report}
            level={level + 1}
            position={index + 1}
            setSize={reports.length}
            state={state}
          />
        ))}
    </>
  );
}

function levelOf(item: HTMLElement): number {
  return Number(item.getAttribute("aria-level")) || 1;
}

/**
 * The reporting tree as an ARIA tree (one Tab stop; arrows move, Right/Left open and close,
 * Home/End jump, Enter opens the person). Selection follows focus and drives the details panel.
 */
export function OrgTree({ roots, label, describedBy, selectedId, onSelect, onActivate }: OrgTreeProps) {
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
    isExpanded: (node, level) => level <= OPEN_LEVELS !== toggled.has(node.id),
    selectedId: activeId,
    onItemClick: (event, node) => {
      if ((event.target as HTMLElement).dataset.toggle) toggle(node.id);
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
    // Collapsed branches are not rendered, so every item in the list is a visible one.
    const items = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
    const index = items.indexOf(current);
    const level = levelOf(current);
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
      case "ArrowRight": {
        const next = items[index + 1];
        if (isParent && !isExpanded) toggle(id);
        else if (isExpanded && next && levelOf(next) === level + 1) moveTo(next);
        break;
      }
      case "ArrowLeft":
        if (isExpanded) toggle(id);
        else moveTo(items.slice(0, index).findLast((item) => levelOf(item) < level));
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
    <ul
      ref={treeRef}
      role="tree"
      aria-label={label}
      aria-describedby={describedBy}
      className="org-tree"
      onKeyDown={handleKeyDown}
    >
      {roots.map((root, index) => (
        <TreeBranch key={root.id} node={root} level={1} position={index + 1} setSize={roots.length} state={state} />
      ))}
    </ul>
  );
}
