import type { RouteSpec } from "../route-table.ts";
import type { AppServices } from "../app.ts";

export function goalsRoutes(services: AppServices): RouteSpec[] {
  void services;
  return [];
}
