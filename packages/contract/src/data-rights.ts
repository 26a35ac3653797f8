import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";

const ZPersonParams = z.object({ id: z.uuid() });

const ARCHIVE =
  "a zip with README.txt and each kind of data as JSON and CSV: profile, assessments given, " +
  "ratings from the manager, peer and upward ratings received only as released aggregates (readiness.json), " +
  "evidence, plan, goals, 1:1s and the private notes the person wrote, and the access log";

export const dataRightsEndpoints = {
  exportMine: defineEndpoint({
    operationId: "exportMyData",
    method: "GET",
    path: "/api/me/data-export",
    summary: `Download all of your own data: ${ARCHIVE}`,
    tag: "data-rights",
    response: z.string().describe("The archive (application/zip)"),
    download: true,
  }),
  exportPerson: defineEndpoint({
    operationId: "exportPersonData",
    method: "GET",
    path: "/api/people/:id/data-export",
    summary:
      "Admin: a person's data on their request, as they would download it themselves but without their " +
      "private 1:1 notes; logged, and shown in the person's access log",
    tag: "data-rights",
    params: ZPersonParams,
    response: z.string().describe("The archive (application/zip)"),
    download: true,
  }),
};
