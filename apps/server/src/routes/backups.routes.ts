import { ADMIN } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";

export function backupRoutes({ backups }: Pick<AppServices, "backups">): RouteSpec[] {
  const api = endpoints.backups;
  return [
    route({
      endpoint: api.create,
      policy: ADMIN,
      handler: async ({ viewer }) => {
        const file = await backups.createBackup(viewer);
        return { fileName: file.fileName, contentType: "application/zip", content: Buffer.from(file.bytes) };
      },
    }),
    route({
      endpoint: api.schedule,
      policy: ADMIN,
      handler: async ({ viewer }) => backups.schedule(viewer),
    }),
    route({
      endpoint: api.setSchedule,
      policy: ADMIN,
      handler: async ({ viewer, body }) => backups.setSchedule(viewer, body),
    }),
  ];
}
