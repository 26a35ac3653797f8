import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { Access, assertAdmin } from "./access.ts";
import { ADMIN, AUTHENTICATED, PUBLIC, subject } from "./policy.ts";
import { NO_RELATIONSHIP, type Viewer } from "./viewer.ts";

const member: Viewer = { personId: "m", name: "Member", isAdmin: false, via: "token" };
const admin: Viewer = { ...member, personId: "a", isAdmin: true };

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error("expected an AppError");
  return error.code;
}

describe("Access", () => {
  const lookups: string[] = [];
  const access = new Access(async (viewer, subjectId) => {
    lookups.push(subjectId);
    if (subjectId === "report") return { ...NO_RELATIONSHIP, isInManagementChain: viewer.personId === "m" };
    return subjectId === "m" ? { ...NO_RELATIONSHIP, isSelf: true } : null;
  });
  const selfOrChain = subject("id", "self", "managementChain");

  it("lets a subject policy in through a listed role, refuses others, and hides unknown people", async () => {
    await access.authorize(member, selfOrChain, "report");
    await access.authorize(member, selfOrChain, "m");
    expect(await refusal(access.authorize(admin, selfOrChain, "report"))).toBe("forbidden");
    expect(await refusal(access.authorize(member, selfOrChain, "nobody"))).toBe("not_found");
    expect(await refusal(access.authorize(null, selfOrChain, "report"))).toBe("unauthenticated");
  });

  it("looks nobody up for policies that do not depend on the subject", async () => {
    lookups.length = 0;
    await access.authorize(null, PUBLIC);
    await access.authorize(member, AUTHENTICATED);
    expect(await refusal(access.authorize(member, ADMIN))).toBe("forbidden");
    expect(lookups).toEqual([]);
  });

  it("keeps admin use cases for admins, whoever calls them", () => {
    expect(() => assertAdmin(member)).toThrow(AppError);
    expect(() => assertAdmin(null)).toThrow("Sign in first");
    expect(() => assertAdmin(admin)).not.toThrow();
  });
});
