import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";

export const ZSetupChecklist = z
  .object({
    steps: z.array(
      z.object({
        id: z.enum(["ladder", "people", "titles", "invites", "cycle", "demo"]),
        isDone: z.boolean(),
        detail: z.string(),
      }),
    ),
  })
  .meta({ id: "SetupChecklist" });

export const setupEndpoints = {
  checklist: defineEndpoint({
    operationId: "getSetupChecklist",
    method: "GET",
    path: "/api/setup",
    summary:
      "Admin: the first-hour checklist (ladder, people, titles, invites, first cycle, demo removed), each step " +
      "ticked from the data itself",
    tag: "setup",
    response: ZSetupChecklist,
  }),
};

export type TSetupChecklist = z.infer<typeof ZSetupChecklist>;
