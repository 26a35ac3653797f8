import { ADMIN, AUTHENTICATED } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import {
  presentCalibrationAdjustment,
  presentCalibrationSession,
  presentLoadedSession,
  presentManagerAdjustment,
} from "../presenters/calibration.ts";

/** Calibration sessions: the use cases decide who is a member; the gate only asks for a signed-in caller. */
export function calibrationRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.calibration;
  const calibration = services.calibration;

  return [
    route({
      endpoint: api.getSettings,
      policy: ADMIN,
      handler: ({ viewer }) => calibration.readThresholds(viewer),
    }),
    route({
      endpoint: api.updateSettings,
      policy: ADMIN,
      handler: ({ viewer, body }) => calibration.updateThresholds(viewer, body),
    }),
    route({
      endpoint: api.createSession,
      policy: ADMIN,
      handler: async ({ viewer, body }) =>
        presentCalibrationSession(
          await calibration.createSession(viewer, {
            cycleId: body.cycleId,
            name: body.name,
            scope: body.scope,
            facilitatorId: body.facilitatorId,
            ...(body.participantIds ? { participantIds: body.participantIds } : {}),
            guideline: body.guideline ?? null,
          }),
        ),
    }),
    route({
      endpoint: api.listSessions,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => ({
        sessions: (await calibration.listSessions(viewer)).map(presentCalibrationSession),
      }),
    }),
    route({
      endpoint: api.loadSession,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => presentLoadedSession(await calibration.loadSession(viewer, params.id)),
    }),
    route({
      endpoint: api.distribution,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, query }) => ({
        measure: query.measure,
        levels: await calibration.distribution(viewer, params.id, query.measure),
      }),
    }),
    route({
      endpoint: api.nineBox,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => ({ cells: await calibration.nineBox(viewer, params.id) }),
    }),
    route({
      endpoint: api.listAdjustments,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => ({
        adjustments: (await calibration.listAdjustments(viewer, params.id)).map(presentCalibrationAdjustment),
      }),
    }),
    route({
      endpoint: api.adjustRating,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) =>
        presentCalibrationAdjustment(await calibration.adjustRating(viewer, params.id, body)),
    }),
    route({
      endpoint: api.moveInNineBox,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) =>
        presentCalibrationAdjustment(await calibration.moveInNineBox(viewer, params.id, body)),
    }),
    route({
      endpoint: api.closeSession,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => presentLoadedSession(await calibration.closeSession(viewer, params.id)),
    }),
    route({
      endpoint: api.myReportsAdjustments,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => ({
        adjustments: (await calibration.listAdjustmentsForManager(viewer)).map(presentManagerAdjustment),
      }),
    }),
  ];
}
