import { describe, expect, it } from "vitest";
import { buildFramework } from "../framework/framework.fixtures.ts";
import type { Framework } from "../framework/framework.ts";
import { stemWord, suggestTags, tokenize } from "./suggest-tags.ts";

/** Four competencies whose wording shares "product" everywhere and little else. */
function ladder(): Framework {
  const framework = buildFramework({
    competencies: [
      {
        id: "customer-focus",
        name: "Customer focus",
        area: "Market",
        description: "Talks to customers and turns their problems into product decisions.",
      },
      {
        id: "data-analysis",
        name: "Data analysis",
        area: "Craft",
        description: "Uses product metrics and experiments to measure outcomes.",
      },
      {
        id: "communication",
        name: "Communication",
        area: "People",
        description: "Writes and presents product updates clearly to stakeholders.",
      },
      {
        id: "partnerships",
        name: "Strategic partnerships",
        area: "Strategy",
        description: "Builds product alliances with vendors.",
      },
    ],
  });
  const row = (weight: number, descriptor: string) => ({ expected: 2, weight, descriptor, interpolated: false });
  framework.expectations = {
    pm: {
      "customer-focus": row(1, "Runs interviews with users of one product."),
      "data-analysis": row(1, "Reads dashboards for one product."),
      communication: row(1, "Keeps the team informed."),
      partnerships: row(0, "Does not apply yet: churn interviews dashboards."),
    },
    director: {
      "customer-focus": row(1, "Sets the research agenda."),
      "data-analysis": row(1, "Runs interviews about metrics with analysts."),
      communication: row(1, "Presents to executives."),
      partnerships: row(1, "Negotiates alliances."),
    },
  };
  return framework;
}

describe("tokenize and stemWord", () => {
  it("lower-cases, drops stop words and single letters, and meets word forms at one stem", () => {
    expect(tokenize("I Prioritised the roadmap, and a customer's problems!").map((t) => t.word)).toEqual([
      "prioritised",
      "roadmap",
      "customer",
      "problems",
    ]);
    for (const [a, b] of [
      ["prioritised", "prioritising"],
      ["prioritise", "prioritises"],
      ["customers", "customer"],
      ["strategies", "strategy"],
      ["interviewed", "interviews"],
    ] as const) {
      expect(stemWord(a), `${a} ~ ${b}`).toBe(stemWord(b));
    }
    expect(stemWord("business")).toBe("business");
  });
});

describe("suggestTags", () => {
  it("ranks by rare shared words and names the words that matched", () => {
    const suggestions = suggestTags(
      "Interviewed customers about churn and their problems; measured the outcomes",
      ladder(),
      "pm",
    );
    expect(suggestions.map((s) => s.competencyId)).toEqual(["customer-focus", "data-analysis"]);
    const [customer, data] = suggestions;
    expect(customer?.matchedWords.sort()).toEqual(["customers", "interviewed", "problems"]);
    expect(data?.matchedWords.sort()).toEqual(["measured", "outcomes"]);
    // Five known words, each in one competency: three of them are customer focus's, two data analysis's.
    expect(customer?.score).toBeCloseTo(0.6, 3);
    expect(data?.score).toBeCloseTo(0.4, 3);
  });

  it("ignores words every competency uses: they say nothing about which one", () => {
    expect(suggestTags("Product product products", ladder(), "pm")).toEqual([]);
  });

  it("matches the descriptor of the person's level, and not one that does not apply there", () => {
    const asPm = suggestTags("Ran interviews", ladder(), "pm").map((s) => s.competencyId);
    const asDirector = suggestTags("Ran interviews", ladder(), "director").map((s) => s.competencyId);
    expect(asPm).toEqual(["customer-focus"]);
    expect(asDirector).toEqual(["data-analysis"]);
    // "churn" and "dashboards" are only in the PM partnerships descriptor, whose weight is 0 there.
    expect(suggestTags("churn dashboards", ladder(), "pm").map((s) => s.competencyId)).toEqual(["data-analysis"]);
  });

  it("returns at most the limit, best first, with scores in [0, 1] adding up to the share matched", () => {
    const text = "customers metrics stakeholders vendors alliances";
    const all = suggestTags(text, ladder(), "director", 10);
    expect(all).toHaveLength(4);
    expect(suggestTags(text, ladder(), "director")).toHaveLength(3);
    const scores = all.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(all[0]?.competencyId).toBe("partnerships");
    // Every known word of the text is in exactly one competency here, so the shares add up to 1.
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  });

  it("works without a level, on names and descriptions alone", () => {
    expect(suggestTags("Negotiates alliances", ladder(), null).map((s) => s.competencyId)).toEqual(["partnerships"]);
    expect(suggestTags("", ladder(), null)).toEqual([]);
  });
});
