// Ports for the servers some specs start for themselves (a durability run, the ops checks, an
// https public URL…). Specs run on parallel workers, so none may count on a fixed offset of
// E2E_PORT: each asks the OS for a port nobody listens on (listen on port 0, read it, close).
import net from "node:net";

/** A TCP port free right now on this machine, picked by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** $envName when it is set (to pin a spec's server to a known port), else a free port. */
export async function portFromEnv(envName: string): Promise<number> {
  const explicit = process.env[envName];
  return explicit ? Number(explicit) : await freePort();
}
