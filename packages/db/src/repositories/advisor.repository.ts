import { desc, eq } from "drizzle-orm";
import type { VpFitAnswers, VpFitCheck, VpFitCheckRepository } from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { vpFitChecks } from "../schema/index.ts";

/** VP-fit self-checks. Reads are by owner only: there is deliberately no "list everyone's" query. */
export class DrizzleVpFitCheckRepository implements VpFitCheckRepository {
  constructor(private readonly db: AppDatabase) {}

  async create(personId: string, answers: VpFitAnswers): Promise<VpFitCheck> {
    const [row] = await this.db.insert(vpFitChecks).values({ personId, answers }).returning();
    if (!row) throw new Error("insert into vp_fit_checks returned no row");
    return row;
  }

  async listForPerson(personId: string): Promise<VpFitCheck[]> {
    return this.db
      .select()
      .from(vpFitChecks)
      .where(eq(vpFitChecks.personId, personId))
      .orderBy(desc(vpFitChecks.at), desc(vpFitChecks.id));
  }
}
