import type {
  Agenda,
  HealthCheck,
  HealthComparison,
  OneOnOne,
  OneOnOneActionItem,
  Person,
  PrivateNote,
} from "@ascent/core";
import type {
  THealthCheck,
  THealthComparison,
  TOneOnOne,
  TOneOnOneActionItem,
  TOneOnOneAgenda,
  TOneOnOnePrivateNote,
  TOneOnOneSummary,
} from "@ascent/contract";

/** The participants named by the 1:1s, by id. */
export type PeopleIndex = ReadonlyMap<string, Person>;

function presentPersonLink(id: string, people: PeopleIndex) {
  return { id, name: people.get(id)?.name ?? "(removed)" };
}

function presentActionItem(item: OneOnOneActionItem): TOneOnOneActionItem {
  return { id: item.id, text: item.text, ownerId: item.ownerId, isDone: item.isDone };
}

function presentAgenda(agenda: Agenda): TOneOnOneAgenda {
  return {
    playbook: agenda.playbook && {
      id: agenda.playbook.id,
      name: agenda.playbook.name,
      lowerLevelId: agenda.playbook.lowerLevelId,
      upperLevelId: agenda.playbook.upperLevelId,
      isNearestPair: agenda.playbook.isNearestPair,
    },
    aspects: agenda.aspects.map((aspect) => ({
      id: aspect.id,
      name: aspect.name,
      leadBrings: aspect.leadBrings,
      reportBrings: aspect.reportBrings,
      prompts: [...aspect.prompts],
    })),
    carriedOver: agenda.carriedOver.map(presentActionItem),
  };
}

const viewerSide = (oneOnOne: OneOnOne, viewerId: string) => (oneOnOne.leadId === viewerId ? "lead" : "report");

/** A 1:1 for one of its two participants: shared notes included, private notes never. */
export function presentOneOnOne(oneOnOne: OneOnOne, viewerId: string, people: PeopleIndex): TOneOnOne {
  return {
    id: oneOnOne.id,
    lead: presentPersonLink(oneOnOne.leadId, people),
    report: presentPersonLink(oneOnOne.reportId, people),
    viewerSide: viewerSide(oneOnOne, viewerId),
    scheduledAt: oneOnOne.scheduledAt.toISOString(),
    agenda: presentAgenda(oneOnOne.agenda),
    sharedNotes: oneOnOne.sharedNotes,
    actionItems: oneOnOne.actionItems.map(presentActionItem),
    createdAt: oneOnOne.createdAt.toISOString(),
    updatedAt: oneOnOne.updatedAt.toISOString(),
  };
}

/** A line in the list of 1:1s: no notes, so listing reads nobody's notes. */
export function presentOneOnOneSummary(oneOnOne: OneOnOne, viewerId: string, people: PeopleIndex): TOneOnOneSummary {
  return {
    id: oneOnOne.id,
    lead: presentPersonLink(oneOnOne.leadId, people),
    report: presentPersonLink(oneOnOne.reportId, people),
    viewerSide: viewerSide(oneOnOne, viewerId),
    scheduledAt: oneOnOne.scheduledAt.toISOString(),
    playbookName: oneOnOne.agenda.playbook?.name ?? null,
    openActionItemCount: oneOnOne.actionItems.filter((item) => !item.isDone).length,
  };
}

/** Private notes go only to their author; the route hands this presenter nothing else. */
export function presentPrivateNote(note: PrivateNote): TOneOnOnePrivateNote {
  return { oneOnOneId: note.oneOnOneId, body: note.body, updatedAt: note.updatedAt?.toISOString() ?? null };
}

export function presentHealthCheck(check: HealthCheck): THealthCheck {
  return {
    id: check.id,
    oneOnOneId: check.oneOnOneId,
    raterId: check.raterId,
    ratings: { ...check.ratings },
    at: check.at.toISOString(),
  };
}

export function presentHealthComparison(
  comparison: HealthComparison,
  withPersonId: string,
  people: PeopleIndex,
): THealthComparison {
  return {
    with: presentPersonLink(withPersonId, people),
    sessions: comparison.sessions.map((session) => ({
      oneOnOneId: session.oneOnOneId,
      scheduledAt: session.scheduledAt.toISOString(),
      lead: presentPersonLink(session.leadId, people),
      report: presentPersonLink(session.reportId, people),
      aspects: session.aspects.map((aspect) => ({
        aspectId: aspect.aspectId,
        name: aspect.name,
        lead: aspect.lead,
        report: aspect.report,
        difference: aspect.difference,
      })),
      largestDifference: [...session.largestDifference],
    })),
    aspects: comparison.aspects.map((aspect) => ({
      aspectId: aspect.aspectId,
      name: aspect.name,
      meanDifference: aspect.meanDifference,
      latestDifference: aspect.latestDifference,
      comparedSessions: aspect.comparedSessions,
    })),
    highlighted: [...comparison.highlighted],
  };
}
