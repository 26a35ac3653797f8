import { sql } from "drizzle-orm";
import type { SetupFacts, SetupFactsSource } from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { resultRows } from "../migrate.ts";

/** The setup checklist's numbers in one statement. */
export class DrizzleSetupFacts implements SetupFactsSource {
  constructor(private readonly db: AppDatabase) {}

  async read(): Promise<SetupFacts> {
    const [row] = resultRows<Record<string, number | boolean>>(
      await this.db.execute(sql`
        with staff as (
          select p.* from people p
          where p.status = 'active' and not p.is_demo
            and not exists (select 1 from accounts a where a.person_id = p.id and a.is_admin)
        )
        select
          (select count(*)::int from frameworks f where not f.is_builtin
             and exists (select 1 from framework_versions v where v.framework_id = f.id and v.status = 'published'))
            as own_frameworks,
          exists (select 1 from framework_versions v join frameworks f on f.id = v.framework_id
                  where f.is_builtin and (v.version > 1 or v.status = 'draft')) as builtin_adapted,
          (select count(*)::int from staff) as people,
          (select count(*)::int from staff where level_id is null) as unplaced,
          (select count(distinct l.person_id)::int from one_time_links l join staff s on s.id = l.person_id
             where l.purpose = 'invite') as invites_sent,
          (select count(*)::int from accounts a join staff s on s.id = a.person_id where a.password_hash is not null)
            as signed_up,
          (select count(*)::int from review_cycles) as review_cycles,
          (select count(*)::int from people where is_demo) as demo_people`),
    );
    return {
      ownFrameworks: Number(row?.own_frameworks ?? 0),
      builtinAdapted: row?.builtin_adapted === true,
      people: Number(row?.people ?? 0),
      unplaced: Number(row?.unplaced ?? 0),
      invitesSent: Number(row?.invites_sent ?? 0),
      signedUp: Number(row?.signed_up ?? 0),
      reviewCycles: Number(row?.review_cycles ?? 0),
      demoPeople: Number(row?.demo_people ?? 0),
    };
  }
}
