import pg from "pg";

/**
 * One dedicated connection per process for LISTEN (a pooled client cannot hold a LISTEN). Reconnects
 * after a lost connection and then calls every callback once, since notifications sent meanwhile are gone.
 */
export function createListener(url: string) {
  const callbacks = new Map<string, Set<() => void>>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const fire = (channel: string) => {
    for (const callback of [...(callbacks.get(channel) ?? [])]) callback();
  };

  async function connect() {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => fire(message.channel));
    next.on("error", () => lost(next));
    next.on("end", () => lost(next));
    await next.connect();
    for (const channel of callbacks.keys()) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
  }

  function lost(which: pg.Client) {
    if (client !== which || closed) return;
    client = null;
    schedule();
  }

  function schedule() {
    if (retry || closed || callbacks.size === 0) return;
    retry = setTimeout(() => {
      retry = null;
      ensure().then(
        () => callbacks.forEach((_, channel) => fire(channel)),
        () => schedule(),
      );
    }, 1_000);
    retry.unref?.();
  }

  function ensure(): Promise<void> {
    if (client) return Promise.resolve();
    connecting ??= connect().finally(() => (connecting = null));
    return connecting;
  }

  return {
    listen(channel: string, callback: () => void): () => void {
      let set = callbacks.get(channel);
      const added = !set;
      if (!set) callbacks.set(channel, (set = new Set()));
      set.add(callback);
      if (added) {
        ensure()
          .then(() => (added && client ? client.query(`LISTEN ${pg.escapeIdentifier(channel)}`) : undefined))
          .catch(() => schedule());
      }
      return () => {
        set.delete(callback);
        if (set.size > 0) return;
        callbacks.delete(channel);
        client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
      };
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
