import { NO_MEMO, type Memo, type PeopleRepository, type Relationship, type Viewer } from "@ascent/core";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FeedbackRequestLookup {
  /** The people this rater is asked about in open requests, each with the earliest due date. */
  openRequestsFor(raterId: string): Promise<Map<string, Date>>;
}

export interface ManagerLinkSource {
  /** Everyone's id and manager. */
  managerLinks(): Promise<{ id: string; managerId: string | null }[]>;
}

/** A person's managers, nearest first; null when there is no such person. */
type ReportingLine = string[] | null;

const lineKey = (personId: string) => `reporting-line:${personId}`;

/**
 * Who manages whom, per person, kept in the memo until the person or anyone above them changes.
 * `warm` reads the whole structure at once, so that later lookups need no query.
 */
export class ReportingLines {
  constructor(
    private readonly people: PeopleRepository & ManagerLinkSource,
    private readonly memo: Memo = NO_MEMO,
  ) {}

  of(personId: string): Promise<ReportingLine> {
    return this.memo.remember(lineKey(personId), async () => {
      const person = await this.people.findById(personId);
      if (!person) return { value: null, dependsOn: [], keep: false };
      const managers = (await this.people.chainAbove(person.id)).map((manager) => manager.id);
      return { value: managers, dependsOn: [person.id, ...managers] };
    });
  }

  /** Keeps the reporting lines of up to `limit` people, from one read of the whole structure. */
  async warm(limit: number): Promise<void> {
    const links = await this.people.managerLinks();
    const managerOf = new Map(links.map((link) => [link.id, link.managerId]));
    const lineOf = (id: string): string[] => {
      const managers: string[] = [];
      // The depth cap mirrors chainAbove's guard against a cycle in hand-edited data.
      for (let at = managerOf.get(id); at && managers.length < 100; at = managerOf.get(at)) managers.push(at);
      return managers;
    };
    const idByKey = new Map(links.slice(0, limit).map((link) => [lineKey(link.id), link.id]));
    await this.memo.rememberMany(
      [...idByKey.keys()],
      async (stale) =>
        new Map(
          stale.map((key) => {
            const id = idByKey.get(key) ?? "";
            const managers = lineOf(id);
            return [key, { value: managers, dependsOn: [id, ...managers] }];
          }),
        ),
    );
  }
}

/** How a viewer stands towards a person, from the reporting line and the viewer's open feedback requests. */
export function relationshipResolver(lines: ReportingLines, feedback?: FeedbackRequestLookup, memo: Memo = NO_MEMO) {
  const openRequestsFor = (raterId: string): Promise<Map<string, Date>> =>
    memo.remember(`open-requests:${raterId}`, async () => {
      const open = feedback ? await feedback.openRequestsFor(raterId) : new Map<string, Date>();
      const earliest = Math.min(...[...open.values()].map((due) => due.getTime()));
      return {
        value: open,
        dependsOn: [raterId, ...open.keys()],
        validUntil: Number.isFinite(earliest) ? new Date(earliest) : null,
      };
    });

  return async (viewer: Viewer, subjectId: string): Promise<Relationship | null> => {
    if (!UUID.test(subjectId)) return null;
    const id = subjectId.toLowerCase();
    const [managers, openRequests] = await Promise.all([lines.of(id), openRequestsFor(viewer.personId)]);
    if (!managers) return null;
    return {
      isSelf: id === viewer.personId,
      isDirectManager: managers[0] === viewer.personId,
      isInManagementChain: managers.includes(viewer.personId),
      hasOpenFeedbackRequest: openRequests.has(id),
    };
  };
}
