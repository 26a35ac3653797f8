import { insightsEndpoints } from "@ascent/contract";
import { useQuery } from "@tanstack/react-query";
import { apiClient } from "./client.ts";
import { growthKeys } from "./growth-keys.ts";

// Org insights across the organisation or one's own subtree.

/** The whole organisation for an admin; the caller's own subtree for anyone else. */
export function useInsights(scope: "organisation" | "team") {
  return useQuery({
    queryKey: growthKeys.insights(scope),
    queryFn: () =>
      apiClient.call(scope === "organisation" ? insightsEndpoints.getOrgInsights : insightsEndpoints.getTeamInsights),
  });
}
