/** Socket errors of a database connection that cannot be made or was cut. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
/** SQLSTATEs of a server going away: admin_shutdown, crash_shutdown, cannot_connect_now. */
const SHUTDOWN_STATES = new Set(["57P01", "57P02", "57P03"]);
/** What node-postgres says when a connection ends or never comes. */
const LOST_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed/i;

/**
 * Whether an error (or one it wraps, as drizzle's query errors do) means the database could not be
 * reached, as opposed to a query it refused: the edge answers the first with 503, not 500.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && (SOCKET_CODES.has(code) || SHUTDOWN_STATES.has(code) || code.startsWith("08"))) {
      return true;
    }
    if (typeof message === "string" && LOST_MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}
