import { sql, eq } from "drizzle-orm";
import { openPglite, openPostgres } from "@ascent/db";
import { people } from "./packages/db/src/schema/index.ts";
const h = process.env.PG ? await openPostgres(process.env.PG) : await openPglite("/tmp/synx/seeded");
const client: any = (h.db as any).$client;
const id = ((await h.db.execute(sql`select id from people limit 1`)) as any).rows[0].id;
async function bench(label: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await f();
  const c0 = process.cpuUsage(); const t0 = performance.now(); const N = 2000;
  for (let i = 0; i < N; i++) await f();
  const c = process.cpuUsage(c0);
  console.log(label.padEnd(40), "wall µs", ((performance.now() - t0) * 1000 / N).toFixed(0), "cpu µs", ((c.user + c.system) / N).toFixed(0));
}
await bench("raw select 1", () => client.query("select 1"));
await bench("drizzle execute select 1", () => h.db.execute(sql`select 1`));
await bench("drizzle people by id", () => h.db.select().from(people).where(eq(people.id, id)));
await bench("raw people by id", () => client.query("select * from people where id = $1", [id]));
await h.close();
