import { describe, it, expect } from "vitest";
import { normalizeTitle, titleKey } from "./normalize-title.ts";

describe("normalizeTitle", () => {
  it.each([
    ["Sr. PM", "senior product manager"],
    ["Dir. of Product", "director product"],
    ["V.P., Product", "vp product"],
    ["Vice-President of Product Management", "vp product"],
    ["Senior Vice President, Product", "svp product"],
    ["Product Manager — Payments (EMEA)", "product manager"],
    ["Product Manager - Growth", "product manager"],
    ["Product Manager | Search", "product manager"],
    ["Head of Product at Acme", "head product"],
    ["VP Product & Design", "vp product and design"],
    ["Head of Product/Design", "head product and design"],
    ["Product Manager, Senior", "product manager senior"],
    ["Produkt Managér", "product manager"],
    ["Product Manager (Senior)", "product manager senior"],
    ["Senior Produktmanager (m/w/d)", "senior product manager"],
    ["Chef de produit (H/F)", "manager product"],
    ["CPO", "chief product officer"],
  ])("%s → %s", (title, expected) => {
    expect(normalizeTitle(title).text).toBe(expected);
  });

  it("drops grades and reports them", () => {
    expect(normalizeTitle("Product Manager II")).toEqual({
      text: "product manager",
      words: ["product", "manager"],
      grades: ["ii"],
      context: [],
      translated: [],
    });
    expect(normalizeTitle("PM3").grades).toEqual(["3"]);
    expect(normalizeTitle("Product Manager L5").grades).toEqual(["l5"]);
    expect(normalizeTitle("Product Manager, Level 2").grades).toEqual(["2"]);
  });

  it("keeps the words of dropped segments as context and names translated words", () => {
    const title = normalizeTitle("Vice President, Product Management - Consumer Banking");
    expect(title.context).toEqual(["consumer", "banking"]);
    expect(normalizeTitle("Leiterin Produktmanagement").translated).toEqual(["leiterin", "produktmanagement"]);
  });

  it("keys titles regardless of word order", () => {
    expect(titleKey(normalizeTitle("Product Director"))).toBe(titleKey(normalizeTitle("Director of Product")));
  });
});
