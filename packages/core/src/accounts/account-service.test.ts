import { describe, expect, it } from "vitest";
import { AccountService, LOGIN_LIMITS } from "./account-service.ts";
import type { AccountRecord, PasswordHasher, RateLimitRepository } from "./ports.ts";
import type { Person } from "../people/person.ts";
import { InMemoryAuditLog } from "../audit/audit.fixtures.ts";

const NOW = new Date("2026-03-02T09:00:00Z");
const dana: Person = {
  id: "p-dana",
  name: "Dana Reyes",
  email: "dana@example.com",
  title: "Engineer",
  levelId: null,
  managerId: null,
  team: "",
  status: "active",
  isDemo: false,
  createdAt: NOW,
} as Person;

/** A hasher that counts its work: the cost of a sign-in is the number of verifications it runs. */
function countingHasher() {
  const calls = { hash: 0, verify: 0 };
  const hasher: PasswordHasher = {
    async hash(password) {
      calls.hash += 1;
      return `hashed:${password}`;
    },
    async verify(hash, password) {
      calls.verify += 1;
      return hash === `hashed:${password}`;
    },
  };
  return { hasher, calls };
}

function memoryRateLimits(): RateLimitRepository {
  const counts = new Map<string, { count: number; resetAt: Date }>();
  return {
    async hit(key, windowMs, now) {
      const next = { count: (counts.get(key)?.count ?? 0) + 1, resetAt: new Date(now.getTime() + windowMs) };
      counts.set(key, next);
      return next;
    },
    async peek(key) {
      return counts.get(key) ?? null;
    },
    async clear(key) {
      counts.delete(key);
    },
  };
}

function serviceWith(options: { limitWholeIp?: boolean } = {}) {
  const { hasher, calls } = countingHasher();
  const account: AccountRecord = {
    personId: dana.id,
    passwordHash: "hashed:the right password",
    isAdmin: false,
    createdAt: NOW,
    passwordChangedAt: null,
    privateSealedAt: null,
    previousPasswordHash: null,
  };
  const service = new AccountService({
    people: {
      findByEmail: async (email: string) => (email === dana.email ? dana : null),
      findById: async (id: string) => (id === dana.id ? dana : null),
    } as never,
    accounts: { find: async (id: string) => (id === dana.id ? account : null) } as never,
    sessions: { create: async () => undefined } as never,
    links: {} as never,
    tokens: {} as never,
    rateLimits: memoryRateLimits(),
    hasher,
    passwordMinLength: 10,
    audit: new InMemoryAuditLog(),
    limitWholeIp: options.limitWholeIp,
    hashToken: async (token) => `h:${token}`,
    now: () => NOW,
  });
  return { service, calls };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error as { code?: string }).code,
  );

describe("signing in costs the same whether or not the account exists", () => {
  it("verifies exactly one password hash for an unknown account, a wrong password and a right one", async () => {
    const { service, calls } = serviceWith();
    const client = { ip: "203.0.113.5", userAgent: "test" };

    expect(await failure(service.login("nobody@example.com", "whatever it is", client))).toBe("unauthenticated");
    expect(calls.verify).toBe(1);
    expect(await failure(service.login(dana.email, "a wrong password", client))).toBe("unauthenticated");
    expect(calls.verify).toBe(2);
    expect(await failure(service.login(dana.email, "the right password", client))).toBeNull();
    expect(calls.verify).toBe(3);
    // The stand-in hash for unknown accounts is made once, not per attempt.
    await failure(service.login("someone-else@example.com", "whatever it is", client));
    expect(calls.hash).toBe(1);
  });
});

describe("failed sign-ins slow down the address they come from, not the owner", () => {
  it("limits an account from one address while the same account signs in from another", async () => {
    const { service } = serviceWith();
    const attacker = { ip: "198.51.100.7", userAgent: "flood" };
    for (let i = 0; i < LOGIN_LIMITS.perAccountAndIp; i += 1) {
      expect(await failure(service.login(dana.email, `guess ${i}`, attacker))).toBe("unauthenticated");
    }
    expect(await failure(service.login(dana.email, "the right password", attacker))).toBe("rate_limited");
    expect(await failure(service.login(dana.email, "the right password", { ip: "203.0.113.5", userAgent: "" }))).toBe(
      null,
    );
  });

  it("limits a whole address only when told the address is the real client's", async () => {
    const sprayed = async (limitWholeIp: boolean) => {
      const { service } = serviceWith({ limitWholeIp });
      const attacker = { ip: "198.51.100.7", userAgent: "spray" };
      for (let i = 0; i < LOGIN_LIMITS.perIp; i += 1)
        await failure(service.login(`user${i}@example.com`, "x", attacker));
      return failure(service.login(dana.email, "the right password", attacker));
    };
    expect(await sprayed(false)).toBeNull();
    expect(await sprayed(true)).toBe("rate_limited");
  });
});
