import { describe, expect, it } from "vitest";
import { peerConflict, raterStanding } from "./rater-relation.ts";

describe("rater standing", () => {
  const vp = { id: "vp", managerId: null };
  const lead = { id: "lead", managerId: "vp" };
  const subject = { id: "pm", managerId: "lead" };
  const chain = [lead, vp];

  it("places the subject, their manager, the chain above, reports and everyone else", () => {
    expect(raterStanding(subject, subject, chain)).toBe("self");
    expect(raterStanding(lead, subject, chain)).toBe("manager");
    expect(raterStanding(vp, subject, chain)).toBe("chain");
    expect(raterStanding({ id: "r", managerId: "pm" }, subject, chain)).toBe("report");
    expect(raterStanding({ id: "x", managerId: "vp" }, subject, chain)).toBe("peer");
  });

  it("makes an admin outside the chain an admin, whether they would be a peer or a report", () => {
    expect(raterStanding({ id: "x", managerId: "vp", isAdmin: true }, subject, chain)).toBe("admin");
    expect(raterStanding({ id: "r", managerId: "pm", isAdmin: true }, subject, chain)).toBe("admin");
    expect(raterStanding({ id: "x", managerId: "vp", isAdmin: false }, subject, chain)).toBe("peer");
    // The manager stays the manager: they rate as manager whatever their account.
    expect(raterStanding({ ...lead, isAdmin: true }, subject, chain)).toBe("manager");
  });

  it("names the conflict of an admin, and none for a peer", () => {
    expect(peerConflict("admin", "Root", "Pam")).toBe("Root is an admin and can read Pam's results");
    expect(peerConflict("peer", "Pia", "Pam")).toBeNull();
  });
});
