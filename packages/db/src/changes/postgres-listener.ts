import pg from "pg";
import { CHANGES_CHANNEL, type ChangeFeed } from "./change-feed.ts";

const RECONNECT_DELAYS_MS: readonly number[] = [250, 1000, 5000, 15_000];

/** Hands the change channel's notifications on this connection to the feed, from now on. */
async function listenForChanges(client: pg.Client, feed: ChangeFeed): Promise<void> {
  client.on("notification", (message) => {
    if (message.channel === CHANGES_CHANNEL) feed.apply(message.payload ?? "");
  });
  await client.query(`LISTEN ${CHANGES_CHANNEL}`);
}

/**
 * A pool client that listens to the change channel on each of its connections. PostgreSQL delivers a
 * session's own notifications at commit, before the commit returns, so a write made through the pool
 * reaches this process's feed before the caller can read again.
 */
export function listeningClientClass(feed: ChangeFeed): typeof pg.Client {
  return class ListeningClient extends pg.Client {
    override connect(): Promise<pg.Client>;
    override connect(callback: (error: Error) => void): void;
    override connect(callback?: (error: Error) => void): Promise<pg.Client> | void {
      const ready = (async () => {
        await super.connect();
        await listenForChanges(this, feed);
        return this;
      })();
      if (!callback) return ready;
      ready.then(() => callback(null as unknown as Error), callback);
    }
  };
}

/**
 * One connection kept open to hear other processes' changes, which reach pool connections only while
 * they happen to be open. When it drops, the feed stops vouching for caches until it is back.
 */
export async function startChangeListener(
  url: string,
  feed: ChangeFeed,
  reconnectDelaysMs: readonly number[] = RECONNECT_DELAYS_MS,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let isStopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    const onLost = () => {
      if (client !== next) return;
      client = undefined;
      feed.setListening(false);
      scheduleReconnect();
    };
    next.on("error", onLost);
    next.on("end", onLost);
    await next.connect();
    await listenForChanges(next, feed);
    client = next;
    attempt = 0;
    feed.setListening(true);
  };

  const scheduleReconnect = () => {
    if (isStopped) return;
    const delay = reconnectDelaysMs[Math.min(attempt, reconnectDelaysMs.length - 1)];
    attempt += 1;
    timer = setTimeout(() => {
      connect().catch(() => scheduleReconnect());
    }, delay);
    timer.unref();
  };

  await connect();
  return async () => {
    isStopped = true;
    clearTimeout(timer);
    feed.setListening(false);
    const open = client;
    client = undefined;
    await open?.end().catch(() => undefined);
  };
}
