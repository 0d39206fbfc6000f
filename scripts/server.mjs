// The production HTTP server: Next.js in-process behind a plain node:http server, so that what
// only the socket knows (the peer address) reaches the app in a header no client can forge.
import http from "node:http";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** Overwritten on every request with the socket's peer address; a client-sent value never survives. */
export const REMOTE_ADDR_HEADER = "x-hindsight-remote-addr";

/** Replaces any client-sent copies of `name` (both the parsed and the raw headers) with `value`. */
export function overwriteHeader(req, name, value) {
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) {
    if (raw[i].toLowerCase() === name) raw.splice(i, 2);
  }
  if (value === undefined || value === null || value === "") {
    delete req.headers[name];
    return;
  }
  req.headers[name] = value;
  raw.push(name, value);
}

/**
 * Starts Next.js (the production build in `dir`) on `port`. Resolves with the http.Server once it listens.
 * `host` is the address to bind (every interface when unset, as `next start`).
 */
export async function startServer({ port = Number(process.env.PORT || 3000), host = process.env.HOST || undefined, dir = root } = {}) {
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, port, hostname: host ?? "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    overwriteHeader(req, REMOTE_ADDR_HEADER, req.socket.remoteAddress);
    handle(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return server;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.chdir(root);
  startServer().catch((error) => {
    console.error(`[hindsight] The server did not start: ${error.message}`);
    process.exit(1);
  });
}
