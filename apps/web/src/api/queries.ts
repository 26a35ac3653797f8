import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazyEndpoint } from "./client.ts";

// The frameworks page is the first page, so this module is in the first chunk: it reaches the
// contract through lazyEndpoint (see client.ts).

const api = {
  list: lazyEndpoint((c) => c.frameworkEndpoints.list),
  get: lazyEndpoint((c) => c.frameworkEndpoints.get),
  getVersion: lazyEndpoint((c) => c.frameworkEndpoints.getVersion),
  about: lazyEndpoint((c) => c.frameworkEndpoints.about),
  resolveTitle: lazyEndpoint((c) => c.titleEndpoints.resolve),
};

export type FrameworkVersionRef = number | "latest";

/** The built-in ladder, which the ladder explorer, level and compare pages and title lookup read. */
export const BUILTIN_FRAMEWORK = "product-management";

export const queryKeys = {
  frameworks: () => ["frameworks"] as const,
  framework: (framework: string) => ["frameworks", framework] as const,
  frameworkVersion: (framework: string, version: FrameworkVersionRef) =>
    ["frameworks", framework, "versions", version] as const,
  frameworkAbout: (framework: string) => ["frameworks", framework, "about"] as const,
  frameworkDiff: (framework: string, from: number, to: number) => ["frameworks", framework, "diff", from, to] as const,
  title: (title: string) => ["titles", title] as const,
};

export function useFrameworks() {
  return useQuery({
    queryKey: queryKeys.frameworks(),
    queryFn: () => api.list.call(),
  });
}

export function useFramework(framework: string) {
  return useQuery({
    queryKey: queryKeys.framework(framework),
    queryFn: () => api.get.call({ params: { framework } }),
  });
}

export function useFrameworkVersion(framework: string, version: FrameworkVersionRef = "latest", enabled = true) {
  return useQuery({
    queryKey: queryKeys.frameworkVersion(framework, version),
    queryFn: () => api.getVersion.call({ params: { framework, version } }),
    enabled,
  });
}

export function useFrameworkAbout(framework: string) {
  return useQuery({
    queryKey: queryKeys.frameworkAbout(framework),
    queryFn: () => api.about.call({ params: { framework } }),
  });
}

/** Resolves a company title; keeps showing the previous answer while the next one loads. */
export function useTitleResolution(title: string) {
  return useQuery({
    queryKey: queryKeys.title(title),
    queryFn: () => api.resolveTitle.call({ query: { title } }),
    enabled: title.length > 0,
    placeholderData: keepPreviousData,
  });
}
