import type { PeopleRepository } from "../people/ports.ts";
import { composeMail } from "./compose-mail.ts";
import { latestDigestMoment, quietHoursEnd } from "./delivery-rules.ts";
import type { ChannelSwitches, DigestCadence, DigestCandidate, DigestRepository, JobQueue } from "./ports.ts";

/** Something still waiting on the person, counted for the digest: open feedback requests, cycle tasks. */
export interface PendingWork {
  label: string;
  count: number;
  /** A path inside the app. */
  link: string;
}

export interface DigestPorts {
  digests: DigestRepository;
  people: Pick<PeopleRepository, "findById">;
  jobs: JobQueue;
  switches: () => Promise<ChannelSwitches>;
  /** What waits on the person beyond the notifications; cheap counts only. */
  pending?: (personId: string, at: Date) => Promise<PendingWork[]>;
  publicUrl: () => string;
  now: () => Date;
}

const CADENCE_WORDS: Record<DigestCadence, { title: string; since: string }> = {
  daily: { title: "Your daily digest", since: "since your last daily digest" },
  weekly: { title: "Your weekly digest", since: "since your last weekly digest" },
};

/** True when this candidate's digest for the latest period has not gone and has something from before it. */
function isDue(candidate: DigestCandidate, moment: Date): boolean {
  if (candidate.oldest.getTime() > moment.getTime()) return false;
  return candidate.lastSentAt === null || candidate.lastSentAt.getTime() < moment.getTime();
}

/**
 * Daily and weekly digests: one mail per person and period gathering the notifications they chose to
 * receive that way, sent at 08:00 on their own clock (Monday for weekly), later if that falls in their
 * quiet hours. The send key names the person and period, so a rerun (or a second server) sends nothing
 * twice; a run with nothing due reads one index and sends nothing.
 */
export class DigestService {
  constructor(private readonly ports: DigestPorts) {}

  /** Enqueues every digest that is due now; returns how many. */
  async sendDueDigests(): Promise<number> {
    const now = this.ports.now();
    const candidates = await this.ports.digests.candidates(now);
    if (candidates.length === 0) return 0;
    // Items wait while digests are switched off; they go once the channel is back on.
    if (!(await this.ports.switches()).isDigestEnabled) return 0;
    let sent = 0;
    for (const candidate of candidates) {
      const moment = latestDigestMoment(now, candidate.timeZone, candidate.cadence);
      if (!isDue(candidate, moment.at)) continue;
      if (await this.send(candidate, moment.period, now)) sent++;
    }
    return sent;
  }

  private async send(candidate: DigestCandidate, period: string, now: Date): Promise<boolean> {
    const { personId, cadence } = candidate;
    const person = await this.ports.people.findById(personId);
    const items = await this.ports.digests.items(personId, cadence, now);
    if (!person || person.status !== "active" || items.length === 0) {
      await this.ports.digests.markSent(
        personId,
        cadence,
        items.map((item) => item.id),
        now,
      );
      return false;
    }
    const base = this.ports.publicUrl();
    const pending = ((await this.ports.pending?.(personId, now)) ?? []).filter((work) => work.count > 0);
    const words = CADENCE_WORDS[cadence];
    const count = items.length === 1 ? "1 notification" : `${items.length} notifications`;
    const quietUntil = quietHoursEnd(now, { timeZone: candidate.timeZone, quietHours: candidate.quietHours });
    await this.ports.jobs.enqueue(
      "mail.send",
      composeMail({
        sendKey: `digest:${personId}:${cadence}:${period}`,
        to: person.email,
        subject: `${words.title} from Ascent: ${count}`,
        greeting: `Hello ${person.name},`,
        paragraphs: [
          `Here is what came for you ${words.since}.`,
          ...(pending.length > 0
            ? [`Still waiting on you: ${pending.map((work) => `${work.label} (${work.count})`).join(", ")}.`]
            : []),
        ],
        list: [
          ...items.map((item) => ({ label: item.subject, url: `${base}${item.link}` })),
          ...pending.map((work) => ({ label: `${work.label}: ${work.count}`, url: `${base}${work.link}` })),
        ],
        action: { label: "Open your inbox", url: `${base}/notifications` },
        footer: `You receive this digest because you chose it for some kinds of notification. Change that or unsubscribe: ${base}/notifications#settings`,
      }),
      quietUntil ? { startAfter: quietUntil } : undefined,
    );
    await this.ports.digests.markSent(
      personId,
      cadence,
      items.map((item) => item.id),
      now,
    );
    return true;
  }
}
