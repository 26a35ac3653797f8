import { describe, expect, it } from "vitest";
import { ADMIN, AUTHENTICATED, PUBLIC, decideAccess, subject } from "./policy.ts";
import { NO_RELATIONSHIP, type Viewer } from "./viewer.ts";

const member: Viewer = { personId: "m", name: "Member", isAdmin: false, via: "session" };
const admin: Viewer = { ...member, personId: "a", isAdmin: true };

describe("decideAccess", () => {
  it("lets anyone through a public policy", () => {
    expect(decideAccess(PUBLIC, null).isAllowed).toBe(true);
  });

  it("asks anonymous callers to sign in for everything else", () => {
    for (const policy of [AUTHENTICATED, ADMIN, subject("id", "self")]) {
      expect(decideAccess(policy, null)).toMatchObject({ isAllowed: false, code: "unauthenticated" });
    }
  });

  it("keeps admin routes for admins", () => {
    expect(decideAccess(ADMIN, member)).toMatchObject({ isAllowed: false, code: "forbidden" });
    expect(decideAccess(ADMIN, admin).isAllowed).toBe(true);
  });

  it("grants a subject policy only through a listed role", () => {
    const policy = subject("id", "self", "managementChain");
    expect(decideAccess(policy, member, { ...NO_RELATIONSHIP, isSelf: true }).isAllowed).toBe(true);
    expect(decideAccess(policy, member, { ...NO_RELATIONSHIP, isInManagementChain: true }).isAllowed).toBe(true);
    expect(decideAccess(policy, member, { ...NO_RELATIONSHIP, hasOpenFeedbackRequest: true }).isAllowed).toBe(false);
  });

  it("does not let an admin into private content unless the policy lists admin", () => {
    expect(decideAccess(subject("id", "self"), admin, NO_RELATIONSHIP)).toMatchObject({ isAllowed: false });
    expect(decideAccess(subject("id", "self", "admin"), admin, NO_RELATIONSHIP).isAllowed).toBe(true);
  });
});
