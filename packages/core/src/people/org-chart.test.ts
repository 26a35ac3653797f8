import { describe, expect, it } from "vitest";
import { buildOrgTree, type OrgMember, type OrgNode } from "./org-chart.ts";

const member = (id: string, managerId: string | null = null): OrgMember => ({ id, managerId });

/** A tree as nested arrays of ids, e.g. ["cpo", [["vp", []]]], so expectations stay readable. */
type Shape = [string, Shape[]];
const shape = (nodes: OrgNode<OrgMember>[]): Shape[] => nodes.map((n) => [n.member.id, shape(n.reports)]);

describe("buildOrgTree", () => {
  const org = [
    member("cpo"),
    member("vp-a", "cpo"),
    member("vp-b", "cpo"),
    member("dir", "vp-a"),
    member("pm-1", "dir"),
    member("pm-2", "dir"),
    member("ops"),
  ];

  it("builds one tree per top-level person, siblings in input order", () => {
    expect(shape(buildOrgTree(org))).toEqual([
      [
        "cpo",
        [
          [
            "vp-a",
            [
              [
                "dir",
                [
                  ["pm-1", []],
                  ["pm-2", []],
                ],
              ],
            ],
          ],
          ["vp-b", []],
        ],
      ],
      ["ops", []],
    ]);
  });

  it("starts from any root and counts direct reports", () => {
    const [dir] = buildOrgTree(org, { rootIds: ["dir"] });
    expect(dir?.member.id).toBe("dir");
    expect(dir?.directReportCount).toBe(2);
    expect(dir?.reports.map((r) => r.member.id)).toEqual(["pm-1", "pm-2"]);
  });

  it("treats someone whose manager is not in the list as a root", () => {
    const subtree = org.filter((m) => m.id !== "cpo");
    expect(shape(buildOrgTree(subtree)).map(([id]) => id)).toEqual(["vp-a", "vp-b", "ops"]);
  });

  it("cuts the tree at maxDepth but keeps the report counts, without promoting the cut people to roots", () => {
    const roots = buildOrgTree(org, { maxDepth: 2 });
    expect(roots.map((r) => r.member.id)).toEqual(["cpo", "ops"]);
    const vpA = roots[0]?.reports[0];
    expect(vpA?.member.id).toBe("vp-a");
    expect(vpA?.reports).toEqual([]);
    expect(vpA?.directReportCount).toBe(1);
  });

  it("ignores unknown root ids", () => {
    expect(buildOrgTree(org, { rootIds: ["nobody", "vp-b"] }).map((r) => r.member.id)).toEqual(["vp-b"]);
  });

  it("shows each member of a reporting cycle once instead of looping or dropping them", () => {
    const looped = [member("a", "b"), member("b", "a"), member("c", "a"), member("solo")];
    const roots = buildOrgTree(looped);
    expect(shape(roots)).toEqual([
      ["solo", []],
      [
        "a",
        [
          ["b", []],
          ["c", []],
        ],
      ],
    ]);
  });
});
