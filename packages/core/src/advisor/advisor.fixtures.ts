import { buildFramework } from "../framework/framework.fixtures.ts";
import type { Framework, Guidance, Level } from "../framework/framework.ts";

/**
 * Advancement guidance with the ids, kinds and shapes of the built-in ladder's
 * (frameworks/product-management.yaml); the prose is placeholder text.
 */
export function buildGuidance(): Guidance {
  return {
    careerPlanning: [],
    vpRole: {
      summary: "The VP role, in short.",
      traits: [
        { id: "broker", name: "Honest broker", description: "Neutral." },
        { id: "influence", name: "Influence", description: "Persuades." },
        { id: "humility", name: "Humility", description: "Through others." },
        { id: "unrated", name: "No statements", description: "Has no reflection." },
      ],
      reflections: [
        { id: "r1", statement: "Broker one.", traitId: "broker" },
        { id: "r2", statement: "Broker two.", traitId: "broker" },
        { id: "r3", statement: "Influence one.", traitId: "influence" },
        { id: "r4", statement: "Humility one.", traitId: "humility" },
        { id: "r5", statement: "Humility two.", traitId: "humility" },
      ],
      beyond: "What comes after.",
    },
    orgShapes: [
      { id: "large", name: "Large", description: "Many PMs.", advice: "Rise with your boss." },
      { id: "medium", name: "Medium", description: "A handful of PMs.", advice: "Look sideways." },
      { id: "startup", name: "Start-up", description: "Cash is scarce.", advice: "Trade cash for title." },
    ],
    advancementPaths: [
      { id: "follow-your-boss-up", kind: "up", name: "Rise with your manager", shapes: ["large"], reason: "Up." },
      {
        id: "lateral-customer-support",
        kind: "lateral",
        name: "VP of Customer Support",
        shapes: ["medium"],
        reason: "Support.",
      },
      {
        id: "lateral-sales-engineering",
        kind: "lateral",
        name: "VP of Sales Engineering",
        shapes: ["medium"],
        reason: "Sales engineering.",
      },
      {
        id: "lateral-new-business-unit",
        kind: "lateral",
        name: "Lead a new business unit",
        shapes: ["medium"],
        reason: "New unit.",
      },
      {
        id: "startup-vp-title",
        kind: "startup-trade",
        name: "Trade cash for a VP title at a start-up",
        shapes: ["startup"],
        reason: "Trade.",
      },
      {
        id: "power-role-b2b",
        kind: "power-role",
        name: "Move into Engineering or Sales (B2B)",
        shapes: ["large", "medium", "startup"],
        reason: "B2B power.",
      },
      {
        id: "power-role-b2c",
        kind: "power-role",
        name: "Move into Marketing (B2C)",
        shapes: ["large", "medium", "startup"],
        reason: "B2C power.",
      },
    ],
  };
}

const level = (id: string, rank: number, name: string, track: Level["track"]): Level => ({
  id,
  rank,
  name,
  track,
  aliases: [],
  scope: `${name} scope.`,
  summary: `${name} summary.`,
});

/** A five-level ladder (PM, Senior PM, Director, Senior Director, VP) with the guidance above. */
export function buildAdvisorFramework(overrides: Partial<Framework> = {}): Framework {
  return buildFramework({
    levels: [
      level("pm", 1, "Product Manager", "ic"),
      level("senior-pm", 2, "Senior Product Manager", "ic"),
      level("director", 3, "Director of Product", "manager"),
      level("senior-director", 4, "Senior Director of Product", "manager"),
      level("vp", 5, "VP of Product", "executive"),
    ],
    guidance: buildGuidance(),
    ...overrides,
  });
}
