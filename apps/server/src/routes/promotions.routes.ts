import { ADMIN, AUTHENTICATED, packetToMarkdown, type CaseView, type Viewer } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { renderPacketPdf } from "../presenters/promotion-packet-pdf.ts";
import { peopleNamedIn, presentCaseView, presentCommittee, presentPromotionCase } from "../presenters/promotions.ts";

export function promotionsRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.promotions;
  const { promotions, peopleService } = services;

  const present = async (view: CaseView) => presentCaseView(view, await peopleService.byIds(peopleNamedIn([view])));
  const viewOf = async (viewer: Viewer, id: string) => present(await promotions.view(viewer, id));
  const fileName = (name: string, extension: string) =>
    `promotion-packet-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.${extension}`;

  return [
    route({
      endpoint: api.list,
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const cases = await promotions.list(viewer, query);
        const people = await peopleService.byIds(peopleNamedIn(cases.map((promotionCase) => ({ promotionCase }))));
        return { cases: cases.map((promotionCase) => presentPromotionCase(promotionCase, people)) };
      },
    }),
    route({
      endpoint: api.nominate,
      policy: AUTHENTICATED,
      handler: async ({ viewer, body, reply }) => {
        const created = await promotions.nominate(viewer, body);
        reply.header("location", `/api/promotions/${created.id}`);
        return viewOf(viewer, created.id);
      },
    }),
    route({
      endpoint: api.requestNomination,
      policy: AUTHENTICATED,
      handler: async ({ viewer, body }) => {
        await promotions.requestNomination(viewer, body);
        return { requested: true as const };
      },
    }),
    route({
      endpoint: api.get,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => viewOf(viewer, params.id),
    }),
    route({
      endpoint: api.writeCase,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) => {
        await promotions.writeCase(viewer, params.id, body.sections);
        return viewOf(viewer, params.id);
      },
    }),
    route({
      endpoint: api.submit,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) => {
        await promotions.submit(viewer, params.id, body.committeeId);
        return viewOf(viewer, params.id);
      },
    }),
    route({
      endpoint: api.packet,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => ({ packet: (await promotions.readPacket(viewer, params.id)).packet }),
    }),
    route({
      endpoint: api.packetPdf,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => {
        const { packet } = await promotions.readPacket(viewer, params.id);
        return {
          fileName: fileName(packet.candidate.name, "pdf"),
          contentType: "application/pdf",
          content: await renderPacketPdf(packet),
        };
      },
    }),
    route({
      endpoint: api.packetMarkdown,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => {
        const { packet } = await promotions.readPacket(viewer, params.id);
        return {
          fileName: fileName(packet.candidate.name, "md"),
          contentType: "text/markdown; charset=utf-8",
          content: Buffer.from(packetToMarkdown(packet), "utf8"),
        };
      },
    }),
    route({
      endpoint: api.comment,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) => {
        await promotions.comment(viewer, params.id, body.body);
        return viewOf(viewer, params.id);
      },
    }),
    route({
      endpoint: api.vote,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) => {
        await promotions.vote(viewer, params.id, body);
        return viewOf(viewer, params.id);
      },
    }),
    route({
      endpoint: api.declareConflict,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) => {
        await promotions.declareConflict(viewer, params.id, body.note);
        return viewOf(viewer, params.id);
      },
    }),
    route({
      endpoint: api.decide,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) => {
        await promotions.decide(viewer, params.id, body);
        return viewOf(viewer, params.id);
      },
    }),
    route({
      endpoint: api.stats,
      policy: ADMIN,
      handler: async ({ viewer, query }) => promotions.stats(viewer, query),
    }),
    route({
      endpoint: api.committees,
      policy: AUTHENTICATED,
      handler: async () => {
        const committees = await promotions.listCommittees();
        const people = await peopleService.byIds(committees.flatMap((c) => [c.chairId, ...c.memberIds]));
        return { committees: committees.map((committee) => presentCommittee(committee, people)) };
      },
    }),
    route({
      endpoint: api.createCommittee,
      policy: ADMIN,
      handler: async ({ viewer, body, reply }) => {
        const committee = await promotions.createCommittee(viewer, body);
        reply.header("location", `/api/promotion-committees/${committee.id}`);
        const people = await peopleService.byIds([committee.chairId, ...committee.memberIds]);
        return presentCommittee(committee, people);
      },
    }),
  ];
}
