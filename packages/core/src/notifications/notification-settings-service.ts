import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import { resolveChoice, switchedOffReason, type ChoiceSource } from "./delivery-rules.ts";
import { NOTIFICATION_KINDS } from "./notification-kinds.ts";
import type {
  ChannelChoice,
  ChannelSwitches,
  DeliverySchedule,
  DeliveryScheduleRepository,
  NotificationPreferenceRepository,
  OrganisationNotificationRepository,
} from "./ports.ts";
import { formatClockTime, isTimeZone, parseClockTime } from "./zoned-time.ts";

/** One row of a person's notification settings. */
export interface KindPreference extends ChannelChoice {
  kind: string;
  label: string;
  /** Whose choice this is: the person's own, the organisation's default or the app's. */
  source: ChoiceSource;
  /** Why the mail choice sends nothing now (its channel is switched off for everyone), or null. */
  mailDisabledReason: string | null;
}

/** One row of the organisation's defaults. */
export interface OrganisationKindDefault extends ChannelChoice {
  kind: string;
  label: string;
  /** True when the organisation has not chosen and the app's default holds. */
  isAppDefault: boolean;
}

export type KindChoice = ChannelChoice & { kind: string };

/** The schedule as people write it: an IANA zone and 24-hour clock times. */
export interface ScheduleInput {
  timeZone: string;
  quietHours: { start: string; end: string } | null;
}

export interface ScheduleView {
  timeZone: string;
  quietHours: { start: string; end: string } | null;
}

/** Until someone picks a zone, times are read in UTC. */
export const DEFAULT_TIME_ZONE = "UTC";

function assertKnownKindsOnce(choices: readonly KindChoice[], path: string): void {
  const known = new Set(NOTIFICATION_KINDS.map((k) => k.kind));
  const unknown = choices.findIndex((choice) => !known.has(choice.kind));
  if (unknown >= 0) {
    throw new AppError("validation_failed", `No notification kind "${choices[unknown]?.kind}"`, [
      { path: `${path}.${unknown}.kind`, message: `one of ${[...known].join(", ")}` },
    ]);
  }
  const twice = choices.findIndex((choice, index) => choices.findIndex((c) => c.kind === choice.kind) < index);
  if (twice >= 0) {
    throw new AppError("validation_failed", `The notification kind "${choices[twice]?.kind}" is named twice`, [
      { path: `${path}.${twice}.kind`, message: "each kind at most once" },
    ]);
  }
}

function toSchedule(input: ScheduleInput): DeliverySchedule {
  if (!isTimeZone(input.timeZone)) {
    throw new AppError("validation_failed", `"${input.timeZone}" is not a time zone this server knows`, [
      { path: "body.timeZone", message: "an IANA time zone name such as Europe/Berlin or America/New_York" },
    ]);
  }
  if (!input.quietHours) return { timeZone: input.timeZone, quietHours: null };
  const start = parseClockTime(input.quietHours.start);
  const end = parseClockTime(input.quietHours.end);
  for (const [field, value] of [
    ["start", start],
    ["end", end],
  ] as const) {
    if (value === null) {
      throw new AppError("validation_failed", `Quiet hours ${field} is not a time of day`, [
        { path: `body.quietHours.${field}`, message: "a 24-hour time such as 22:00" },
      ]);
    }
  }
  if (start === end) {
    throw new AppError("validation_failed", "Quiet hours start and end at the same time", [
      { path: "body.quietHours.end", message: "a time other than the start" },
    ]);
  }
  return { timeZone: input.timeZone, quietHours: { start: start!, end: end! } };
}

/**
 * Who is told what, and how: each person's channels per kind, time zone and quiet hours (their own,
 * not audited: nobody else sees them), and the organisation's defaults and channel switches (admins
 * only, audited).
 */
export class NotificationSettingsService {
  constructor(
    private readonly ports: {
      preferences: NotificationPreferenceRepository;
      organisation: OrganisationNotificationRepository;
      schedules: DeliveryScheduleRepository;
      audit: AuditRepository;
      now: () => Date;
    },
  ) {}

  /** The viewer's channels for every kind the app sends, and which mail channels are on. */
  async preferences(viewer: Viewer): Promise<{ preferences: KindPreference[]; switches: ChannelSwitches }> {
    const [personal, organisation, switches] = await Promise.all([
      this.ports.preferences.forPerson(viewer.personId),
      this.ports.organisation.defaults(),
      this.ports.organisation.switches(),
    ]);
    return {
      switches,
      preferences: NOTIFICATION_KINDS.map(({ kind, label }) => {
        const { choice, source } = resolveChoice(kind, personal, organisation);
        return { kind, label, ...choice, source, mailDisabledReason: switchedOffReason(choice.mail, switches) };
      }),
    };
  }

  /**
   * Saves the viewer's own choices; a kind the app does not send is refused, naming it. A choice whose
   * channel is switched off is kept, and takes effect if an admin switches the channel on again.
   */
  async setPreferences(viewer: Viewer, choices: KindChoice[]) {
    assertKnownKindsOnce(choices, "body.preferences");
    await this.ports.preferences.save(
      viewer.personId,
      choices.map(({ kind, inApp, mail }) => ({ kind, choice: { inApp, mail } })),
      this.ports.now(),
    );
    return this.preferences(viewer);
  }

  async schedule(viewer: Viewer): Promise<ScheduleView> {
    const saved = await this.ports.schedules.forPerson(viewer.personId);
    const window = saved?.quietHours;
    return {
      timeZone: saved?.timeZone ?? DEFAULT_TIME_ZONE,
      quietHours: window ? { start: formatClockTime(window.start), end: formatClockTime(window.end) } : null,
    };
  }

  /** Saves the viewer's time zone and quiet hours; an unknown zone is refused, naming it. */
  async setSchedule(viewer: Viewer, input: ScheduleInput): Promise<ScheduleView> {
    await this.ports.schedules.save(viewer.personId, toSchedule(input), this.ports.now());
    return this.schedule(viewer);
  }

  async organisationDefaults(
    viewer: Viewer,
  ): Promise<{ defaults: OrganisationKindDefault[]; switches: ChannelSwitches }> {
    assertAdmin(viewer);
    const [organisation, switches] = await Promise.all([
      this.ports.organisation.defaults(),
      this.ports.organisation.switches(),
    ]);
    return {
      switches,
      defaults: NOTIFICATION_KINDS.map(({ kind, label }) => {
        const { choice, source } = resolveChoice(kind, new Map(), organisation);
        return { kind, label, ...choice, isAppDefault: source === "app" };
      }),
    };
  }

  /** Admin: sets the defaults for people who have not chosen, and switches mail channels for everyone. */
  async setOrganisationDefaults(
    viewer: Viewer,
    input: { defaults: KindChoice[]; switches?: ChannelSwitches },
  ): Promise<{ defaults: OrganisationKindDefault[]; switches: ChannelSwitches }> {
    assertAdmin(viewer);
    assertKnownKindsOnce(input.defaults, "body.defaults");
    const at = this.ports.now();
    const before = await this.ports.organisation.switches();
    await this.ports.organisation.saveDefaults(
      input.defaults.map(({ kind, inApp, mail }) => ({ kind, choice: { inApp, mail } })),
      at,
    );
    if (input.switches) await this.ports.organisation.saveSwitches(input.switches, at);
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "notification-defaults.changed",
      targetType: "organisation",
      targetId: "notification-defaults",
      details: {
        defaults: input.defaults.map(({ kind, inApp, mail }) => ({ kind, inApp, mail })),
        switches: { before, after: input.switches ?? before },
      },
    });
    return this.organisationDefaults(viewer);
  }
}
