import { z } from "zod";
import type { Framework } from "@ascent/core";
import { ZPlainText } from "./plain-text.ts";
import { LIMITS } from "./limits.ts";

const id = z.string().min(1).max(LIMITS.id);
const text = ZPlainText.max(LIMITS.longText);

export const ZSource = z.strictObject({
  id,
  title: z.string().min(1),
  author: z.string().min(1),
  publisher: z.string().optional(),
  year: z.number().int().optional(),
  usedFor: text,
});

export const ZScale = z.strictObject({
  min: z.number().int(),
  max: z.number().int(),
  points: z.array(z.strictObject({ value: z.number().int(), label: z.string().min(1), description: text })),
});

export const ZLevel = z.strictObject({
  id,
  rank: z.number().int().min(1),
  name: z.string().min(1),
  track: z.enum(["ic", "manager", "executive"]),
  aliases: z.array(z.string().min(1)),
  scope: text,
  summary: text,
  /** Levels on another track one may move to from here, besides the next rank on this track. */
  moves: z.array(id).optional(),
});

export const ZCompetency = z.strictObject({ id, name: z.string().min(1), area: z.string(), description: text });

export const ZExpectation = z.strictObject({
  expected: z.number(),
  weight: z.number().min(0),
  descriptor: text,
  interpolated: z.boolean(),
});

export const ZPlaybook = z.strictObject({
  id,
  name: z.string().min(1),
  lowerLevelId: id,
  upperLevelId: id,
  aspects: z.array(
    z.strictObject({
      id,
      name: z.string().min(1),
      lowerBrings: text,
      upperBrings: text,
      prompts: z.array(z.string().min(1)),
    }),
  ),
});

const ZNamed = z.strictObject({ id, name: z.string(), description: text });

export const ZGuidance = z.strictObject({
  careerPlanning: z.array(
    z.strictObject({
      id: z.enum(["envision", "self-awareness", "continual-learning", "proactive-steps"]),
      name: z.string(),
      summary: text,
      themes: z.array(z.string()),
    }),
  ),
  vpRole: z.strictObject({
    summary: text,
    traits: z.array(ZNamed),
    reflections: z.array(z.strictObject({ id, statement: text, traitId: id })),
    beyond: text,
    notes: z
      .array(
        z.strictObject({
          id,
          name: z.string().min(1),
          text,
          concerns: z.enum(["step-to-vp", "vp-role"]),
          sourceId: id,
        }),
      )
      .optional(),
  }),
  orgShapes: z.array(
    z.strictObject({
      id: z.enum(["large", "medium", "startup"]),
      name: z.string(),
      description: text,
      advice: text,
    }),
  ),
  advancementPaths: z.array(
    z.strictObject({
      id,
      kind: z.enum(["up", "lateral", "startup-trade", "power-role"]),
      name: z.string(),
      shapes: z.array(z.enum(["large", "medium", "startup"])),
      reason: text,
    }),
  ),
});

/** The framework document: what a YAML/JSON file holds and what a version stores. */
export const ZFramework = z
  .strictObject({
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be kebab-case"),
    name: z.string().min(1).max(LIMITS.shortText),
    description: text,
    sources: z.array(ZSource),
    scale: ZScale,
    levels: z.array(ZLevel),
    competencies: z.array(ZCompetency),
    expectations: z.record(z.string(), z.record(z.string(), ZExpectation)),
    playbooks: z.array(ZPlaybook),
    guidance: ZGuidance.optional(),
  })
  .meta({ id: "Framework" }) satisfies z.ZodType<Framework>;

export type TFramework = z.infer<typeof ZFramework>;

/** The JSON Schema (2020-12) of a framework file, published as frameworks/framework.schema.json. */
export function frameworkJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ZFramework, { target: "draft-2020-12", unrepresentable: "any" }),
    title: "Ascent career framework",
  };
}
