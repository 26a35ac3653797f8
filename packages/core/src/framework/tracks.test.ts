import { describe, expect, it } from "vitest";
import { levelAbove } from "../assessments/rating-rules.ts";
import type { Framework, Level, Track } from "./framework.ts";
import { buildFramework } from "./framework.fixtures.ts";
import { levelsByTrack, movesFrom, nextOnTrack } from "./tracks.ts";

function level(id: string, rank: number, track: Track, moves?: string[]): Level {
  return { id, rank, name: id, track, aliases: [], scope: "", summary: "", ...(moves ? { moves } : {}) };
}

/** Senior PM branches: Principal PM on its own track, Director on the manager track. */
function buildTracks(): Framework {
  return buildFramework({
    levels: [
      level("pm", 1, "ic"),
      level("senior-pm", 2, "ic", ["director"]),
      level("principal-pm", 3, "ic"),
      level("director", 3, "manager"),
      level("head", 4, "manager", ["vp"]),
      level("vp", 5, "executive"),
    ],
  });
}

function find(framework: Framework, id: string): Level {
  const found = framework.levels.find((l) => l.id === id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
}

describe("tracks", () => {
  it("climbs the person's own track first, then follows the first move where the track ends", () => {
    const framework = buildTracks();
    expect(nextOnTrack(framework, find(framework, "senior-pm"))?.id).toBe("principal-pm");
    expect(nextOnTrack(framework, find(framework, "head"))?.id).toBe("vp");
    expect(nextOnTrack(framework, find(framework, "principal-pm"))).toBeNull();
    expect(levelAbove(framework, "senior-pm")).toBe("principal-pm");
    expect(levelAbove(framework, "director")).toBe("head");
  });

  it("lists the moves from a level: the next rank on its track, then the declared moves", () => {
    const framework = buildTracks();
    expect(movesFrom(framework, find(framework, "senior-pm")).map((l) => l.id)).toEqual(["principal-pm", "director"]);
    expect(movesFrom(framework, find(framework, "principal-pm"))).toEqual([]);
  });

  it("treats a framework without moves as one ladder whose track changes as it climbs", () => {
    const framework = buildFramework();
    expect(nextOnTrack(framework, find(framework, "pm"))?.id).toBe("director");
  });

  it("groups levels per track in rank order", () => {
    expect(levelsByTrack(buildTracks()).map((t) => [t.track, t.levels.map((l) => l.id)])).toEqual([
      ["ic", ["pm", "senior-pm", "principal-pm"]],
      ["manager", ["director", "head"]],
      ["executive", ["vp"]],
    ]);
  });
});
