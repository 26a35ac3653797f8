export {
  resolveTitle,
  type TitleOverride,
  type TitleResolution,
  type TitleResolveOptions,
  type TitleRule,
} from "./resolve-title.ts";
export { normalizeTitle, type NormalizedTitle } from "./normalize-title.ts";
export type { TitleFunction } from "./title-words.ts";
export * from "./title-override-service.ts";
