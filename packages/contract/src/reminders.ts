import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";

export const ZRemindLateResult = z
  .object({
    reminded: z.number().int().min(0).describe("People told now, in the app and by mail"),
    alreadyReminded: z
      .number()
      .int()
      .min(0)
      .describe("People on the list who were reminded of this cycle earlier today, and not again"),
  })
  .meta({ id: "RemindLateResult" });
export type TRemindLateResult = z.infer<typeof ZRemindLateResult>;

export const remindersEndpoints = {
  remindLate: defineEndpoint({
    operationId: "remindCycleLatePeople",
    method: "POST",
    path: "/api/cycles/:cycleId/reminders/send",
    summary:
      "Admin: remind everyone on the cycle's reminder list (unfinished work in an open phase), in the app " +
      "and by mail; at most once a person a day per cycle",
    tag: "cycles",
    params: z.object({ cycleId: z.uuid() }),
    response: ZRemindLateResult,
  }),
};
