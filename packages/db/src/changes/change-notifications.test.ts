import { expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { describeEachDriver } from "../testing/test-databases.ts";
import { resultRows } from "../migrate.ts";

// The triggers of migration 0004, driven by plain SQL, as seen through the handle's change feed.
describeEachDriver("change notifications", (handle) => {
  const run = (query: ReturnType<typeof sql>) => handle().db.execute(query);
  const feed = () => handle().changes;

  /** Runs `write` and returns who the feed heard changed: person ids that are no longer unchanged. */
  async function changedBy(write: () => Promise<unknown>, watched: string[]): Promise<string[]> {
    const before = feed().now();
    await write();
    return watched.filter((id) => !feed().isUnchangedSince(before, [id]));
  }

  async function newPerson(name: string, managerId: string | null = null): Promise<string> {
    const rows = await run(
      sql`insert into people (name, email, manager_id) values (${name}, ${`${name}-${Math.random()}@example.com`}, ${managerId}) returning id`,
    );
    return resultRows<{ id: string }>(rows)[0]!.id;
  }

  async function frameworkId(): Promise<string> {
    const rows = await run(sql`insert into frameworks (slug, name) values (${`f-${Math.random()}`}, 'F') returning id`);
    return resultRows<{ id: string }>(rows)[0]!.id;
  }

  it("is listening once the database is open", () => {
    expect(feed().isListening).toBe(true);
  });

  it("names the person whose own row changed, and nobody else", async () => {
    const [ada, bo] = [await newPerson("ada"), await newPerson("bo")];
    expect(await changedBy(() => run(sql`update people set team = 'Core' where id = ${ada}`), [ada, bo])).toEqual([
      ada,
    ]);
    expect(await changedBy(() => run(sql`delete from people where id = ${bo}`), [ada, bo])).toEqual([bo]);
  });

  it("names the subject of assessments and of their ratings, through the parent row", async () => {
    const [subject, rater] = [await newPerson("subject"), await newPerson("rater")];
    const framework = await frameworkId();
    let assessmentId = "";
    expect(
      await changedBy(async () => {
        const rows =
          await run(sql`insert into assessments (subject_id, rater_id, relation, framework_id, framework_version, level_id)
          values (${subject}, ${rater}, 'self', ${framework}, 1, 'pm') returning id`);
        assessmentId = resultRows<{ id: string }>(rows)[0]!.id;
      }, [subject, rater]),
    ).toEqual([subject]);
    expect(
      await changedBy(
        () => run(sql`insert into ratings (assessment_id, competency_id, score) values (${assessmentId}, 'c1', 3)`),
        [subject, rater],
      ),
    ).toEqual([subject]);
    expect(
      await changedBy(
        () => run(sql`update ratings set score = 4 where assessment_id = ${assessmentId}`),
        [subject, rater],
      ),
    ).toEqual([subject]);
  });

  it("names the subject of feedback requests, the subject and rater of their raters, and the owner of evidence", async () => {
    const [subject, rater] = [await newPerson("fr-subject"), await newPerson("fr-rater")];
    let requestId = "";
    expect(
      await changedBy(async () => {
        const rows = await run(sql`insert into feedback_requests (subject_id, relation, due_at)
          values (${subject}, 'peer', now() + interval '7 days') returning id`);
        requestId = resultRows<{ id: string }>(rows)[0]!.id;
      }, [subject, rater]),
    ).toEqual([subject]);
    expect(
      await changedBy(
        () => run(sql`insert into feedback_request_raters (request_id, rater_id) values (${requestId}, ${rater})`),
        [subject, rater],
      ),
    ).toEqual([subject, rater]);
    expect(
      await changedBy(
        () => run(sql`insert into evidence (person_id, date, title) values (${rater}, '2026-01-01', 'Shipped')`),
        [subject, rater],
      ),
    ).toEqual([rater]);
  });

  it("ignores the last-used time of a token but not its revocation", async () => {
    const owner = await newPerson("token-owner");
    await run(
      sql`insert into api_tokens (id, person_id, name, token_hash) values (${`t-${owner}`}, ${owner}, 'ci', ${`h-${owner}`})`,
    );
    expect(
      await changedBy(() => run(sql`update api_tokens set last_used_at = now() where person_id = ${owner}`), [owner]),
    ).toEqual([]);
    expect(
      await changedBy(() => run(sql`update api_tokens set revoked_at = now() where person_id = ${owner}`), [owner]),
    ).toEqual([owner]);
  });

  it("tells everyone about settings, and about statements that touch more people than a payload holds", async () => {
    const someone = await newPerson("someone");
    expect(
      await changedBy(
        () => run(sql`insert into settings (key, value) values (${`k-${someone}`}, '1'::jsonb)`),
        [someone],
      ),
    ).toEqual([someone]);
    expect(
      await changedBy(
        () =>
          run(sql`insert into people (name, email)
            select 'bulk ' || n, 'bulk-' || n || '-' || ${someone} || '@example.com' from generate_series(1, 200) n`),
        [someone],
      ),
    ).toEqual([someone]);
  });

  it("tells everyone when someone becomes an admin or stops being one, but not about a password change", async () => {
    const [rater, bystander] = [await newPerson("rater"), await newPerson("bystander")];
    expect(
      await changedBy(() => run(sql`insert into accounts (person_id) values (${rater})`), [rater, bystander]),
    ).toEqual([rater]);
    expect(
      await changedBy(
        () => run(sql`update accounts set password_hash = 'x' where person_id = ${rater}`),
        [rater, bystander],
      ),
    ).toEqual([rater]);
    expect(
      await changedBy(
        () => run(sql`update accounts set is_admin = true where person_id = ${rater}`),
        [rater, bystander],
      ),
    ).toEqual([rater, bystander]);
    expect(
      await changedBy(
        () => run(sql`update accounts set is_admin = false where person_id = ${rater}`),
        [rater, bystander],
      ),
    ).toEqual([rater, bystander]);
  });

  it("says nothing for a change that was rolled back", async () => {
    const person = await newPerson("rolled-back");
    const changed = await changedBy(
      () =>
        handle()
          .db.transaction(async (tx) => {
            await tx.execute(sql`update people set team = 'X' where id = ${person}`);
            throw new Error("roll back");
          })
          .catch(() => undefined),
      [person],
    );
    expect(changed).toEqual([]);
  });
});
