import { AppError, type ErrorDetail } from "../errors/app-error.ts";
import type { OrgShape } from "../framework/framework.ts";

/** The organisation's stage; the same ids as the framework's org shapes. */
export type OrgStage = OrgShape["id"];
export const ORG_STAGES: readonly OrgStage[] = ["startup", "medium", "large"];

/** Whom the product function reports to. */
export type ProductReportsTo = "CEO" | "Engineering" | "Marketing" | "CPO";
export const PRODUCT_REPORTS_TO: readonly ProductReportsTo[] = ["CEO", "Engineering", "Marketing", "CPO"];

export type BusinessModel = "B2B" | "B2C";
export const BUSINESS_MODELS: readonly BusinessModel[] = ["B2B", "B2C"];

/** The shape of the organisation, as the advancement advisor needs it (DESIGN.md §1.7). */
export interface OrgProfile {
  stage: OrgStage;
  /** How many product managers the organisation has. */
  pmCount: number;
  productReportsTo: ProductReportsTo;
  businessModel: BusinessModel;
}

/** The settings key the profile is stored under. */
export const ORG_PROFILE_SETTINGS_KEY = "orgProfile";
export const MAX_PM_COUNT = 100_000;

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value);
}

/**
 * Checks an organisation profile field by field; throws validation_failed naming every bad field.
 * The HTTP contract checks the same rules first; this keeps stored and CLI input honest too.
 */
export function validateOrgProfile(input: unknown): OrgProfile {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new AppError("validation_failed", "The organisation profile must be an object", [
      { path: "profile", message: "must be an object" },
    ]);
  }
  const value = input as Record<string, unknown>;
  const details: ErrorDetail[] = [];
  if (!oneOf(value.stage, ORG_STAGES)) {
    details.push({ path: "stage", message: `must be one of ${ORG_STAGES.join(", ")}` });
  }
  const pmCount = value.pmCount;
  if (typeof pmCount !== "number" || !Number.isInteger(pmCount) || pmCount < 0 || pmCount > MAX_PM_COUNT) {
    details.push({ path: "pmCount", message: `must be a whole number from 0 to ${MAX_PM_COUNT}` });
  }
  if (!oneOf(value.productReportsTo, PRODUCT_REPORTS_TO)) {
    details.push({ path: "productReportsTo", message: `must be one of ${PRODUCT_REPORTS_TO.join(", ")}` });
  }
  if (!oneOf(value.businessModel, BUSINESS_MODELS)) {
    details.push({ path: "businessModel", message: `must be one of ${BUSINESS_MODELS.join(", ")}` });
  }
  const unknown = Object.keys(value).filter(
    (key) => !["stage", "pmCount", "productReportsTo", "businessModel"].includes(key),
  );
  for (const key of unknown) details.push({ path: key, message: "is not a field of the organisation profile" });
  const [first] = details;
  if (first) throw new AppError("validation_failed", `Invalid ${first.path}: ${first.message}`, details);
  return {
    stage: value.stage as OrgStage,
    pmCount: pmCount as number,
    productReportsTo: value.productReportsTo as ProductReportsTo,
    businessModel: value.businessModel as BusinessModel,
  };
}
