import { endpoints } from "@ascent/contract";
import type { Person, PersonReadiness, ReadinessService, Viewer } from "@ascent/core";
import { presentPersonReadiness } from "./presenters/readiness.ts";
import { SerializedResponse } from "./route-table.ts";

/** People serialised between two yields to the event loop while warming. */
const WARM_SLICE = 50;

/**
 * The answers of GET /api/people/:id/readiness. The readiness service hands out the same result object
 * while it is fresh, so the JSON made from it (checked against the schema once) is kept with it, and
 * goes when it goes.
 */
export class ReadinessResponses {
  private readonly made = new WeakMap<PersonReadiness, SerializedResponse>();

  constructor(private readonly readiness: ReadinessService) {}

  /** The viewer's read of a person's readiness (the use case logs it), as JSON. */
  async forViewer(viewer: Viewer, personId: string, target: { targetLevelId?: string }): Promise<SerializedResponse> {
    return this.present(await this.readiness.readFor(viewer, personId, target));
  }

  private async present(result: PersonReadiness): Promise<SerializedResponse> {
    const kept = this.made.get(result);
    if (kept) return kept;
    const { document, version } = await this.readiness.framework();
    const response = SerializedResponse.of(endpoints.readiness.forPerson, presentPersonReadiness(result, document));
    // Names come from the ladder read now; kept only when it is the version the result was computed on.
    if (version === result.frameworkVersion) this.made.set(result, response);
    return response;
  }

  /** Computes the readiness managers see for these people, and its answer, ahead of the first request. */
  async warm(people: Person[]): Promise<void> {
    await this.readiness.warm(people);
    for (let start = 0; start < people.length; start += WARM_SLICE) {
      for (const person of people.slice(start, start + WARM_SLICE)) {
        await this.present(await this.readiness.forPerson(person.id, { canSeePrivateEvidence: false }));
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
