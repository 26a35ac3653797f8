/**
 * A clock for a test server: real time plus an offset that the test moves forward, so that a due date
 * or an expiry can pass in an instant instead of being waited for.
 */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function createTestClock(): TestClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms: number) {
      offset += ms;
    },
  };
}
