import type { TReviewCycle } from "@ascent/contract";
import { CliError } from "./cli-error.ts";
import type { ServerSession } from "./server-connection.ts";

/** The cycle a command names, by id or by name (case-insensitive); a name two cycles share is refused. */
export async function findCycle(server: ServerSession, ref: string): Promise<TReviewCycle> {
  const { endpoints } = await import("@ascent/contract");
  const { cycles } = await server.call(endpoints.cycles.list);
  const byId = cycles.find((cycle) => cycle.id === ref);
  if (byId) return byId;
  const wanted = ref.trim().toLowerCase();
  const named = cycles.filter((cycle) => cycle.name.trim().toLowerCase() === wanted);
  if (named.length === 1 && named[0]) return named[0];
  if (named.length > 1) {
    throw new CliError(`${named.length} cycles are named "${ref}": name one by its id (see \`ascent cycle list\`)`);
  }
  throw new CliError(`No review cycle with id or name "${ref}" (see \`ascent cycle list\`)`);
}
