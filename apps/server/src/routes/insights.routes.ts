import type { RouteSpec } from "../route-table.ts";
import type { AppServices } from "../app.ts";

export function insightsRoutes(services: AppServices): RouteSpec[] {
  void services;
  return [];
}
