import { resolveTitle, type Framework, type TitleOverride } from "@ascent/core";

/**
 * The demo organisation: a believable product organisation of 60 invented people across the seven
 * levels of the built-in ladder. It is generated from a fixed seed, so every install gets the same
 * people, titles and reporting lines; the names are invented and belong to no public figure.
 */

export const DEMO_EMAIL_DOMAIN = "demo.ascent.example";

type LadderLevelId = "pm" | "senior-pm" | "director" | "senior-director" | "head" | "vp" | "cpo";
type PersonaKind = "cpo" | "vp" | "director" | "senior-pm" | "pm";

/** One demo person before title mapping: what the company calls them and where they were meant to sit. */
export interface PlannedDemoPerson {
  name: string;
  email: string;
  /** The company's own title, deliberately different from the ladder's names. */
  title: string;
  team: string;
  /** The level the title was written for; used only when title mapping cannot place it. */
  intendedLevelId: LadderLevelId;
  /** Titles written so that title mapping cannot place them, to fill the "unmapped titles" view. */
  isUnplaceable: boolean;
  managerEmail: string | null;
  /** Set for the few people who get a demo login: what signing in as them shows. */
  persona: string | null;
}

export interface DemoPerson extends PlannedDemoPerson {
  /** The level title mapping gave, or the intended one when mapping could not place a placeable title. */
  levelId: string | null;
}

interface IcTeam {
  area: string;
  /** Sub-areas that the team's titles name ("Product Manager, Checkout"). */
  focuses: readonly string[];
  seniorPms: number;
  pms: number;
  /** The first senior PM leads this many of the team's PMs as a Group Product Manager. */
  pmsUnderGroupLead?: number;
  /** Extra people with titles that title mapping cannot place. */
  unplaceable?: readonly { title: string; level: LadderLevelId }[];
  /** Give the first senior PM and the first PM of this team demo logins. */
  hasIcPersonas?: boolean;
}

interface Leader {
  title: string;
  level: LadderLevelId;
  team: string;
  persona?: PersonaKind;
  reports?: readonly Leader[];
  ics?: IcTeam;
}

const ORGANISATION: Leader = {
  title: "Chief Product Officer",
  level: "cpo",
  team: "Product Leadership",
  persona: "cpo",
  reports: [
    {
      title: "VP Product & Design",
      level: "vp",
      team: "Consumer",
      persona: "vp",
      ics: {
        area: "Consumer",
        focuses: [],
        seniorPms: 0,
        pms: 0,
        unplaceable: [{ title: "Product Strategist", level: "senior-pm" }],
      },
      reports: [
        {
          title: "Head of Product, Growth",
          level: "head",
          team: "Growth",
          reports: [
            {
              title: "Sr. Director, Product — Growth",
              level: "senior-director",
              team: "Growth",
              reports: [
                {
                  title: "Director of Product, Acquisition",
                  level: "director",
                  team: "Growth",
                  persona: "director",
                  ics: {
                    area: "Growth",
                    focuses: ["Acquisition", "Onboarding", "Referrals"],
                    seniorPms: 2,
                    pms: 3,
                    hasIcPersonas: true,
                  },
                },
                {
                  title: "Director, Product — Lifecycle & Retention",
                  level: "director",
                  team: "Growth",
                  ics: { area: "Growth", focuses: ["Lifecycle", "Retention", "Notifications"], seniorPms: 2, pms: 3 },
                },
              ],
            },
            {
              title: "Director of Product, Mobile",
              level: "director",
              team: "Mobile",
              ics: {
                area: "Mobile",
                focuses: ["iOS", "Android", "App Performance"],
                seniorPms: 3,
                pms: 3,
                pmsUnderGroupLead: 2,
              },
            },
          ],
        },
        {
          title: "Head of Product — Marketplace",
          level: "head",
          team: "Marketplace",
          reports: [
            {
              title: "Senior Director, Product Management (EMEA)",
              level: "senior-director",
              team: "Marketplace",
              reports: [
                {
                  title: "Director, Product Management (EMEA)",
                  level: "director",
                  team: "Marketplace",
                  ics: {
                    area: "Marketplace",
                    focuses: ["Sellers", "Buyers", "Trust & Safety", "Logistics"],
                    seniorPms: 2,
                    pms: 3,
                  },
                },
                {
                  title: "Director of Product, Search & Discovery",
                  level: "director",
                  team: "Search",
                  ics: {
                    area: "Search",
                    focuses: ["Ranking", "Discovery", "Query Understanding"],
                    seniorPms: 2,
                    pms: 3,
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      title: "Vice President, Product — Platform & Data",
      level: "vp",
      team: "Platform & Data",
      reports: [
        {
          title: "Head of Product, Platform",
          level: "head",
          team: "Platform",
          reports: [
            {
              title: "Senior Director of Product, Data",
              level: "senior-director",
              team: "Data",
              reports: [
                {
                  title: "Director, Data Products",
                  level: "director",
                  team: "Data",
                  ics: {
                    area: "Data",
                    focuses: ["Analytics Platform", "Experimentation", "ML Platform"],
                    seniorPms: 2,
                    pms: 3,
                  },
                },
              ],
            },
            {
              title: "Senior Director of Product, Payments",
              level: "senior-director",
              team: "Payments",
              reports: [
                {
                  title: "Director, Product — Payments",
                  level: "director",
                  team: "Payments",
                  ics: {
                    area: "Payments",
                    focuses: ["Checkout", "Payouts", "Fraud", "Billing"],
                    seniorPms: 3,
                    pms: 2,
                    pmsUnderGroupLead: 2,
                    unplaceable: [{ title: "Product Specialist, Payouts", level: "pm" }],
                  },
                },
                {
                  title: "Director of Product Management, Developer Platform",
                  level: "director",
                  team: "Platform",
                  ics: {
                    area: "Platform",
                    focuses: ["APIs", "Identity", "Developer Experience"],
                    seniorPms: 2,
                    pms: 1,
                    unplaceable: [{ title: "Platform Owner, Identity", level: "pm" }],
                  },
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

type TitleTemplate = (focus: string) => string;

const SENIOR_PM_TITLES: readonly TitleTemplate[] = [
  (focus) => `Senior Product Manager, ${focus}`,
  (focus) => `Principal PM, ${focus}`,
  (focus) => `Product Lead — ${focus}`,
  (focus) => `Lead Product Manager, ${focus}`,
  (focus) => `Sr. PM, ${focus}`,
  (focus) => `Staff Product Manager, ${focus}`,
  () => "Senior Technical Product Manager",
];

// Plain "Product Manager" titles are the most common, so they appear more than once.
const PM_TITLES: readonly TitleTemplate[] = [
  (focus) => `Product Manager, ${focus}`,
  (focus) => `Product Manager, ${focus}`,
  (focus) => `Product Manager — ${focus}`,
  (focus) => `PM, ${focus}`,
  (focus) => `Product Manager II, ${focus}`,
  (focus) => `Technical Product Manager, ${focus}`,
  (focus) => `Product Owner, ${focus}`,
  () => "Associate Product Manager",
  (focus) => `Junior Product Manager, ${focus}`,
  (focus) => `Product Manager III, ${focus}`,
];

// prettier-ignore
const FIRST_NAMES = [
  "Amara", "Tomasz", "Keiko", "Rafael", "Ngozi", "Henrik", "Priyanka", "Mateo", "Aisling", "Darius",
  "Lucía", "Oluwaseun", "Ingrid", "Kenji", "Zainab", "Bastien", "Mei", "Tariq", "Freya", "Emeka",
  "Sofia", "Arjun", "Leila", "Nikolai", "Camille", "Joaquín", "Yara", "Siddharth", "Annika", "Kwame",
  "Marisol", "Hyun-woo", "Elif", "Callum", "Thandiwe", "Rohan", "Inês", "Dmitri", "Noor", "Astrid",
  "Malik", "Chiara", "Takumi", "Fatima", "Oskar", "Wanjiru", "Gabriel", "Saanvi", "Lorenzo", "Aylin",
  "Femi", "Margot", "Rafaela", "Kai", "Esi", "Vikram", "Soraya", "Linnea", "Tobiah", "Zofia",
  "Anahí", "Bilal", "Ruth", "Mireille",
];

// prettier-ignore
const LAST_NAMES = [
  "Okafor", "Lindqvist", "Moreau", "Nakamura", "Haddad", "Kowalczyk", "Ferreira", "Mensah", "Castellanos", "Iyer",
  "Brennan", "Achterberg", "Sato", "Adeyemi", "Novak", "Dubois", "Rahman", "Oyelaran", "Varga", "Quispe",
  "Karlsson", "Osei", "Horvat", "Delgado", "Chaudhry", "Fitzgerald", "Lindgren", "Morales", "Nair", "Abiodun",
  "Bergström", "Cavalcanti", "Demir", "Eze", "Falk", "Ghosh", "Halvorsen", "Ibarra", "Jovanović", "Kaur",
  "Laine", "Mwangi", "Nordin", "Ortega", "Park", "Quinlan", "Rossi", "Sandoval", "Takahashi", "Usmani",
  "Valdez", "Whitfield", "Xu", "Yildiz", "Zeller", "Abara", "Bianchi", "Costa", "Dlamini", "Engström",
  "Fontaine", "Gallagher", "Hashemi", "Jensen",
];

const SEED = 20260401;

/** mulberry32: a tiny seeded generator, enough to shuffle names and pick titles reproducibly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function emailFor(name: string): string {
  const local = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z\s-]/g, "")
    .trim()
    .replace(/\s+/g, ".");
  return `${local}@${DEMO_EMAIL_DOMAIN}`;
}

/** The demo organisation before title mapping, managers before their reports. Deterministic. */
export function planDemoOrganisation(): PlannedDemoPerson[] {
  const random = seededRandom(SEED);
  const firstNames = shuffled(FIRST_NAMES, random);
  const lastNames = shuffled(LAST_NAMES, random);
  const people: PlannedDemoPerson[] = [];
  const personaKinds = new Map<PlannedDemoPerson, PersonaKind>();

  // Names are drawn without replacement from both lists, so every name and email is unique.
  const add = (
    role: Omit<PlannedDemoPerson, "name" | "email" | "persona">,
    persona: PersonaKind | undefined,
  ): PlannedDemoPerson => {
    const index = people.length;
    const first = firstNames[index];
    const last = lastNames[index];
    if (first === undefined || last === undefined) throw new Error("the demo organisation outgrew its name lists");
    const name = `${first} ${last}`;
    const person = { ...role, name, email: emailFor(name), persona: null };
    people.push(person);
    if (persona) personaKinds.set(person, persona);
    return person;
  };

  const addTeam = (team: IcTeam, manager: PlannedDemoPerson): void => {
    const focuses = shuffled(team.focuses, random);
    const focusAt = (i: number) => focuses[i % focuses.length] ?? team.area;
    const base = { team: team.area, isUnplaceable: false };
    const seniorPms: PlannedDemoPerson[] = [];
    for (let i = 0; i < team.seniorPms; i++) {
      const isGroupLead = i === 0 && (team.pmsUnderGroupLead ?? 0) > 0;
      const title = isGroupLead ? `Group Product Manager, ${team.area}` : pick(SENIOR_PM_TITLES, random)(focusAt(i));
      const persona = team.hasIcPersonas && i === 0 ? "senior-pm" : undefined;
      const role = { ...base, title, intendedLevelId: "senior-pm" as const, managerEmail: manager.email };
      seniorPms.push(add(role, persona));
    }
    const groupLead = (team.pmsUnderGroupLead ?? 0) > 0 ? seniorPms[0] : undefined;
    for (let i = 0; i < team.pms; i++) {
      const reportsToLead = groupLead && i >= team.pms - (team.pmsUnderGroupLead ?? 0);
      const title = pick(PM_TITLES, random)(focusAt(i + team.seniorPms));
      const persona = team.hasIcPersonas && i === 0 ? "pm" : undefined;
      const managerEmail = (reportsToLead ? groupLead : manager).email;
      add({ ...base, title, intendedLevelId: "pm", managerEmail }, persona);
    }
    for (const odd of team.unplaceable ?? []) {
      add(
        { ...base, title: odd.title, intendedLevelId: odd.level, isUnplaceable: true, managerEmail: manager.email },
        undefined,
      );
    }
  };

  const addLeader = (leader: Leader, manager: PlannedDemoPerson | null): void => {
    const role = {
      title: leader.title,
      team: leader.team,
      intendedLevelId: leader.level,
      isUnplaceable: false,
      managerEmail: manager?.email ?? null,
    };
    const person = add(role, leader.persona);
    if (leader.ics) addTeam(leader.ics, person);
    for (const report of leader.reports ?? []) addLeader(report, person);
  };

  addLeader(ORGANISATION, null);
  for (const [person, kind] of personaKinds) person.persona = describePersona(kind, person, people);
  return people;
}

function describePersona(kind: PersonaKind, person: PlannedDemoPerson, people: readonly PlannedDemoPerson[]): string {
  const directReports = people.filter((other) => other.managerEmail === person.email);
  const manager = people.find((other) => other.email === person.managerEmail);
  switch (kind) {
    case "cpo":
      return `Chief Product Officer: sees the whole product organisation of ${people.length} people`;
    case "vp":
      return `VP: leads ${countBelow(person, people)} people through Heads of Product and Directors`;
    case "director":
      return `Director: manages a team of ${directReports.length} PMs in ${person.team}`;
    case "senior-pm":
      return `Senior PM: an individual contributor in ${person.team}, reporting to ${manager?.name ?? "nobody"}`;
    case "pm":
      return `PM: an individual contributor in ${person.team}, reporting to ${manager?.name ?? "nobody"}`;
  }
}

function countBelow(person: PlannedDemoPerson, people: readonly PlannedDemoPerson[]): number {
  const reports = people.filter((other) => other.managerEmail === person.email);
  return reports.reduce((sum, report) => sum + 1 + countBelow(report, people), 0);
}

/**
 * The demo organisation placed on a ladder by the real title mapping, with the organisation's
 * overrides. A placeable title that mapping cannot place falls back to its intended level;
 * the deliberately unplaceable ones stay unmapped for an admin to map.
 */
export function buildDemoOrganisation(
  ladder: Pick<Framework, "levels">,
  overrides: readonly TitleOverride[] = [],
): DemoPerson[] {
  const levelIds = new Set(ladder.levels.map((level) => level.id));
  return planDemoOrganisation().map((person) => {
    const mapped = resolveTitle(person.title, ladder, overrides).levelId;
    const fallback = person.isUnplaceable || !levelIds.has(person.intendedLevelId) ? null : person.intendedLevelId;
    return { ...person, levelId: mapped ?? fallback };
  });
}
