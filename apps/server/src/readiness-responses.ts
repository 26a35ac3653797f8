import { endpoints } from "@ascent/contract";
import type { Person, PersonReadiness, ReadinessService } from "@ascent/core";
import { presentPersonReadiness } from "./presenters/readiness.ts";
import { SerializedResponse } from "./route-table.ts";

export interface ReadinessResponse {
  personId: string;
  body: SerializedResponse;
  /** The evidence the answer shows: reading someone else's is logged for its owner. */
  evidenceIds: string[];
}

/** People serialised between two yields to the event loop while warming. */
const WARM_SLICE = 50;

/**
 * The answers of GET /api/people/:id/readiness. The readiness service hands out the same result object
 * while it is fresh, so the JSON made from it (checked against the schema once) and the evidence it
 * shows are kept with it, and go when it goes.
 */
export class ReadinessResponses {
  private readonly made = new WeakMap<PersonReadiness, ReadinessResponse>();

  constructor(private readonly readiness: ReadinessService) {}

  async forPerson(
    personId: string,
    options: { targetLevelId?: string; canSeePrivateEvidence: boolean },
  ): Promise<ReadinessResponse> {
    const result = await this.readiness.forPerson(personId, options);
    const kept = this.made.get(result);
    if (kept) return kept;
    const { document, version } = await this.readiness.framework();
    const response: ReadinessResponse = {
      personId: result.personId,
      body: SerializedResponse.of(endpoints.readiness.forPerson, presentPersonReadiness(result, document)),
      evidenceIds: [...new Set(result.competencies.flatMap((c) => c.evidence.map((e) => e.id)))],
    };
    // Names come from the ladder read now; kept only when it is the version the result was computed on.
    if (version === result.frameworkVersion) this.made.set(result, response);
    return response;
  }

  /** Computes the readiness managers see for these people, and its answer, ahead of the first request. */
  async warm(people: Person[]): Promise<void> {
    await this.readiness.warm(people);
    for (let start = 0; start < people.length; start += WARM_SLICE) {
      for (const person of people.slice(start, start + WARM_SLICE)) {
        await this.forPerson(person.id, { canSeePrivateEvidence: false });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
