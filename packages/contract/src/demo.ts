import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";

export const ZDemoLogin = z.object({
  email: z.string(),
  name: z.string(),
  title: z.string(),
  /** What signing in as this person shows. */
  persona: z.string(),
});

export const ZDemoStatus = z
  .object({
    isLoaded: z.boolean(),
    /** Present only while the demo organisation is loaded. */
    peopleCount: z.number().int().optional(),
    logins: z.array(ZDemoLogin),
    /** Everyone else in the demo organisation, who signs in with the same password ("sign in as someone else"). */
    others: z.array(z.object({ email: z.string(), name: z.string(), title: z.string(), team: z.string() })),
    /** The shared password of the demo logins; present only while the demo organisation is loaded. */
    password: z.string().optional(),
  })
  .meta({ id: "DemoStatus" });

export const ZDemoSeedResult = z
  .object({
    /** False when the demo organisation was already loaded and nothing was written. */
    created: z.boolean(),
    peopleCount: z.number().int(),
    password: z.string(),
    logins: z.array(ZDemoLogin),
  })
  .meta({ id: "DemoSeedResult" });

export const demoEndpoints = {
  status: defineEndpoint({
    operationId: "demoStatus",
    method: "GET",
    path: "/api/demo",
    summary: "Whether the demo organisation is loaded, with its sign-in details for the login page",
    tag: "demo",
    response: ZDemoStatus,
  }),
  load: defineEndpoint({
    operationId: "loadDemo",
    method: "POST",
    path: "/api/demo",
    summary: "Admin: load the invented demo organisation (about 60 people, demo logins); nothing when it is loaded",
    tag: "demo",
    response: ZDemoSeedResult,
  }),
  remove: defineEndpoint({
    operationId: "removeDemo",
    method: "DELETE",
    path: "/api/demo",
    summary: "Admin: delete the demo organisation, its people and their accounts",
    tag: "demo",
    response: z.object({ removed: z.number().int() }),
  }),
};

export type TDemoStatus = z.infer<typeof ZDemoStatus>;
export type TDemoLogin = z.infer<typeof ZDemoLogin>;
export type TDemoSeedResult = z.infer<typeof ZDemoSeedResult>;
