import { ADMIN, AUTHENTICATED, subject, type PopulationFilter } from "@ascent/core";
import { endpoints, type TPopulationFilter } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import {
  presentCycle,
  presentHistoryEntry,
  presentNomination,
  presentParticipant,
  presentProgress,
  presentProgressCsv,
  presentReminder,
  presentTasks,
} from "../presenters/cycles.ts";

/** The filter with its date parsed; a body the schema refused (a use case's own caller) passes as empty. */
function populationOf(filter: TPopulationFilter | undefined): PopulationFilter {
  const { startedBefore, ...lists } = filter ?? {};
  return startedBefore ? { ...lists, startedBefore: new Date(startedBefore) } : lists;
}

export function cyclesRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.cycles;
  const { cycles } = services;
  const peopleByIds = (ids: Iterable<string>) => services.peopleService.byIds(ids);

  return [
    route({
      endpoint: api.list,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => ({ cycles: (await cycles.listCycles(viewer)).map(presentCycle) }),
    }),
    route({
      endpoint: api.create,
      policy: ADMIN,
      handler: async ({ viewer, body }) =>
        presentCycle(
          await cycles.createCycle(viewer, {
            name: body.name,
            population: populationOf(body.population),
            // Called past the route's schema (a test of the use case's own check), the body may lack phases.
            phases:
              (body.phases as typeof body.phases | undefined)?.map((phase) => ({
                kind: phase.kind,
                opensAt: new Date(phase.opensAt),
                dueAt: new Date(phase.dueAt),
              })) ?? [],
            ...(body.nominationsMin === undefined ? {} : { nominationsMin: body.nominationsMin }),
            ...(body.nominationsMax === undefined ? {} : { nominationsMax: body.nominationsMax }),
          }),
        ),
    }),
    route({
      endpoint: api.previewPopulation,
      policy: ADMIN,
      handler: async ({ viewer, body }) => {
        const preview = await cycles.previewPopulation(viewer, populationOf(body.population));
        return {
          total: preview.total,
          people: preview.people.map((p) => ({ id: p.id, name: p.name, team: p.team, levelId: p.levelId })),
        };
      },
    }),
    route({
      endpoint: api.get,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => presentCycle(await cycles.getCycle(viewer, params.cycleId)),
    }),
    route({
      endpoint: api.extendPhase,
      policy: ADMIN,
      handler: async ({ viewer, params, body }) =>
        presentCycle(await cycles.extendPhase(viewer, params.cycleId, params.kind, new Date(body.dueAt))),
    }),
    route({
      endpoint: api.closePhase,
      policy: ADMIN,
      handler: async ({ viewer, params }) => presentCycle(await cycles.closePhase(viewer, params.cycleId, params.kind)),
    }),
    route({
      endpoint: api.reopenPhase,
      policy: ADMIN,
      handler: async ({ viewer, params }) =>
        presentCycle(await cycles.reopenPhase(viewer, params.cycleId, params.kind)),
    }),
    route({
      endpoint: api.participants,
      policy: ADMIN,
      handler: async ({ viewer, params }) => {
        const participants = await cycles.listParticipants(viewer, params.cycleId);
        const people = await peopleByIds(
          participants.flatMap((p) => (p.managerId ? [p.personId, p.managerId] : [p.personId])),
        );
        return { participants: participants.map((p) => presentParticipant(p, people)) };
      },
    }),
    route({
      endpoint: api.syncParticipants,
      policy: ADMIN,
      handler: async ({ viewer, params }) => {
        const changes = await cycles.syncParticipants(viewer, params.cycleId);
        const people = await peopleByIds([...changes.joined, ...changes.left, ...changes.rejoined]);
        const links = (ids: string[]) => ids.map((id) => ({ id, name: people.get(id)?.name ?? "(removed)" }));
        return { joined: links(changes.joined), left: links(changes.left), rejoined: links(changes.rejoined) };
      },
    }),
    route({
      endpoint: api.listNominations,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => {
        const nominations = await cycles.listNominations(viewer, params.cycleId);
        const people = await peopleByIds(nominations.flatMap((n) => [n.subjectId, n.nomineeId]));
        return { nominations: nominations.map((n) => presentNomination(n, people)) };
      },
    }),
    route({
      endpoint: api.propose,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) => {
        const nomination = await cycles.proposeNomination(viewer, params.cycleId, body);
        return presentNomination(nomination, await peopleByIds([nomination.subjectId, nomination.nomineeId]));
      },
    }),
    route({
      endpoint: api.decide,
      // Only the subject's direct manager may decide; to anyone else the nomination does not exist.
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) => {
        const nomination = await cycles.decideNomination(viewer, params.nominationId, {
          decision: body.decision,
          ...(body.nomineeId ? { nomineeId: body.nomineeId } : {}),
          ...(body.relation ? { relation: body.relation } : {}),
        });
        return presentNomination(nomination, await peopleByIds([nomination.subjectId, nomination.nomineeId]));
      },
    }),
    route({
      endpoint: api.myTasks,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => presentTasks(await cycles.myTasks(viewer)),
    }),
    route({
      endpoint: api.progress,
      // Admins see everyone and managers their reporting chain; the use case refuses anyone else.
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, query }) => {
        const { cycle, progress } = await cycles.progress(viewer, params.cycleId);
        return presentProgress(cycle, progress, query);
      },
    }),
    route({
      endpoint: api.progressCsv,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => {
        const { cycle, progress } = await cycles.progress(viewer, params.cycleId);
        return {
          fileName: `ascent-cycle-${cycle.name}.csv`,
          contentType: "text/csv; charset=utf-8",
          content: presentProgressCsv(progress),
        };
      },
    }),
    route({
      endpoint: api.reminders,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => ({
        reminders: (await cycles.remindList(viewer, params.cycleId)).map(presentReminder),
      }),
    }),
    route({
      endpoint: api.release,
      policy: ADMIN,
      handler: async ({ viewer, params }) => presentCycle(await cycles.releaseCycle(viewer, params.cycleId)),
    }),
    route({
      endpoint: api.acknowledge,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) => {
        const acknowledgement = await cycles.acknowledgeResults(viewer, params.cycleId, body.comment);
        return { acknowledgedAt: acknowledgement.acknowledgedAt.toISOString(), comment: acknowledgement.comment };
      },
    }),
    route({
      endpoint: api.acknowledgements,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => ({
        people: (await cycles.acknowledgements(viewer, params.cycleId)).map((a) => ({
          person: { id: a.personId, name: a.name },
          acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
          comment: a.comment,
        })),
      }),
    }),
    route({
      endpoint: api.history,
      policy: subject("id", "self", "managementChain", "admin"),
      handler: async ({ viewer, params }) => ({
        cycles: (await cycles.cycleHistory(viewer, params.id)).map(presentHistoryEntry),
      }),
    }),
  ];
}
