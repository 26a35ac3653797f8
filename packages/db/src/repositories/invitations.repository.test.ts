import { expect, it } from "vitest";
import { describeEachDriver } from "../testing/test-databases.ts";
import { DrizzleAccountRepository, DrizzleOneTimeLinkRepository } from "./accounts.repository.ts";
import { DrizzleInvitationRepository } from "./invitations.repository.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";

const T0 = new Date("2026-05-01T10:00:00Z");
const later = (hours: number) => new Date(T0.getTime() + hours * 3600_000);

describeEachDriver("invitation facts", (db) => {
  let counter = 0;
  const setup = async () => {
    const n = ++counter;
    const people = new DrizzlePeopleRepository(db().db);
    const links = new DrizzleOneTimeLinkRepository(db().db);
    const accounts = new DrizzleAccountRepository(db().db);
    const [never, invited, accepted] = await Promise.all(
      ["never", "invited", "accepted"].map((name) => people.create({ name, email: `${name}-${n}@invite.test` })),
    );
    const invite = (personId: string, tag: string, createdAt: Date) =>
      links.create({
        tokenHash: `${tag}-${n}`,
        personId,
        purpose: "invite",
        createdBy: null,
        createdAt,
        expiresAt: later(7 * 24),
        usedAt: null,
        isMailedPrivately: false,
      });
    await invite(invited!.id, "old", T0);
    await invite(invited!.id, "new", later(1));
    await invite(accepted!.id, "acc", T0);
    await links.markUsed(`acc-${n}`, later(2));
    await accounts.upsert({ personId: accepted!.id });
    await accounts.setPassword(accepted!.id, "hash", later(2));
    return {
      never: never!,
      invited: invited!,
      accepted: accepted!,
      repository: new DrizzleInvitationRepository(db().db),
    };
  };

  it("reads the newest invitation and the sign-up of each person, in the order asked", async () => {
    const { never, invited, accepted, repository } = await setup();
    const facts = await repository.factsFor([accepted.id, never.id, invited.id]);
    expect(facts).toEqual([
      {
        personId: accepted.id,
        hasPassword: true,
        signedUpAt: later(2),
        latestInvite: { createdAt: T0, expiresAt: later(168), usedAt: later(2) },
      },
      { personId: never.id, hasPassword: false, signedUpAt: null, latestInvite: null },
      {
        personId: invited.id,
        hasPassword: false,
        signedUpAt: null,
        latestInvite: { createdAt: later(1), expiresAt: later(168), usedAt: null },
      },
    ]);
  });

  it("makes missing accounts and many links in one write each, leaving an existing account as it was", async () => {
    const { never, accepted, repository } = await setup();
    const accounts = new DrizzleAccountRepository(db().db);
    const links = new DrizzleOneTimeLinkRepository(db().db);
    await accounts.ensureMany([never.id, accepted.id]);
    expect(await accounts.find(never.id)).toMatchObject({ passwordHash: null, isAdmin: false });
    expect((await accounts.find(accepted.id))?.passwordHash).toBe("hash");
    await links.createMany(
      [never, accepted].map((person, i) => ({
        tokenHash: `many-${counter}-${i}`,
        personId: person.id,
        purpose: "invite" as const,
        createdBy: null,
        createdAt: later(5),
        expiresAt: later(6),
        usedAt: null,
        isMailedPrivately: true,
      })),
    );
    const [facts] = await repository.factsFor([never.id]);
    expect(facts?.latestInvite).toEqual({ createdAt: later(5), expiresAt: later(6), usedAt: null });
    expect((await links.find(`many-${counter}-1`))?.isMailedPrivately).toBe(true);
  });

  it("expires only the unused invitations of the people named", async () => {
    const { invited, accepted, repository } = await setup();
    expect(await repository.expireUnusedInvites([invited.id, accepted.id], later(3))).toBe(2);
    const [facts] = await repository.factsFor([invited.id]);
    expect(facts?.latestInvite?.expiresAt).toEqual(later(3));
    const [acceptedFacts] = await repository.factsFor([accepted.id]);
    expect(acceptedFacts?.latestInvite?.expiresAt).toEqual(later(168));
  });
});
