import type { TNomination } from "@ascent/contract";
import type { BadgeTone } from "../../ui/badge.tsx";

export const NOMINATION_STATUS: Record<TNomination["status"], { label: string; tone: BadgeTone }> = {
  proposed: { label: "Proposed", tone: "warning" },
  approved: { label: "Approved", tone: "success" },
  rejected: { label: "Rejected", tone: "neutral" },
};

export const RELATION_LABELS: Record<TNomination["relation"], string> = {
  peer: "Peer",
  upward: "Upward (reports to them)",
};

/** Counts that decide the task: rejected nominations free their place, approved ones count toward the minimum. */
export function nominationCounts(nominations: TNomination[]) {
  return {
    active: nominations.filter((n) => n.status !== "rejected").length,
    approved: nominations.filter((n) => n.status === "approved").length,
    proposed: nominations.filter((n) => n.status === "proposed").length,
  };
}
