// The production HTTP server: Next.js in-process behind a plain node:http server, which
// - sets x-hindsight-remote-addr from the socket (a client-sent value never survives),
// - gives every request an id (X-Request-Id), writes one JSON access-log line per request,
// - counts requests for GET /metrics (token-protected, or on its own port),
// - stops gracefully on SIGTERM/SIGINT: finishes in-flight requests, then checkpoints and closes the database.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { timingSafeEqual } from "node:crypto";
import { getLogger } from "../server/observability/logger.mjs";
import { getMetrics, observeRequest } from "../server/observability/metrics.mjs";
import { requestIdFor } from "../server/observability/request-id.mjs";
import { createRouteLabeler, pathnameOf } from "../server/observability/route-label.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** Overwritten on every request with the socket's peer address; a client-sent value never survives. */
export const REMOTE_ADDR_HEADER = "x-hindsight-remote-addr";
export const REQUEST_ID_HEADER = "x-request-id";
/** How long a stop waits for in-flight requests before closing their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

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

function sameSecret(given, expected) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the request carries `Authorization: Bearer <token>`. */
function bearerMatches(req, token) {
  const match = /^Bearer\s+(\S+)$/i.exec((req.headers.authorization ?? "").trim());
  return !!match && sameSecret(match[1], token);
}

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

/** Answers GET /metrics: the token is required when one is configured. */
async function serveMetrics(req, res, { token, requestId }) {
  if (token && !bearerMatches(req, token)) {
    return sendJson(
      res,
      401,
      { error: { code: "unauthenticated", message: "Send the metrics token as Authorization: Bearer <METRICS_TOKEN>", requestId } },
      { "WWW-Authenticate": 'Bearer realm="metrics"' },
    );
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    return sendJson(res, 405, { error: { code: "method_not_allowed", message: "Use GET /metrics", requestId } }, { Allow: "GET, HEAD" });
  }
  const { registry } = getMetrics();
  const text = await registry.metrics();
  res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : text);
}

function readRoutesManifest(dir) {
  const file = path.join(dir, process.env.NEXT_DIST_DIR || ".next", "routes-manifest.json");
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/**
 * Closes the app's database connections (db/client.ts): SQLite checkpoints the WAL into the file and
 * closes both connections; PostgreSQL ends the pool and the LISTEN connection.
 */
async function closeDatabase(log) {
  const held = globalThis.hindsightDb;
  const pg = globalThis.hindsightPg;
  try {
    if (held) {
      held.sqlite.pragma("wal_checkpoint(TRUNCATE)");
      if (held.reader !== held.sqlite) held.reader.close();
      held.sqlite.close();
      globalThis.hindsightDb = undefined;
      log.info({ file: held.file }, "database checkpointed and closed");
    }
    if (pg) {
      await pg.close();
      log.info("PostgreSQL connections closed");
    }
  } catch (error) {
    log.error({ err: error }, "closing the database failed");
  }
}

/**
 * Starts Next.js (the production build in `dir`) on `port`. `host` is the address to bind
 * (every interface when unset, as `next start`). Resolves once it listens, with `stop()`.
 * Reads METRICS_TOKEN, METRICS_PORT and METRICS_HOST (default 127.0.0.1) from the environment.
 */
export async function startServer({
  port = Number(process.env.PORT || 3000),
  host = process.env.HOST || undefined,
  dir = root,
  handleSignals = true,
  exit = (code) => process.exit(code),
} = {}) {
  process.env.NODE_ENV = "production";
  const log = getLogger();
  const metricsToken = process.env.METRICS_TOKEN || "";
  const metricsPort = process.env.METRICS_PORT ? Number(process.env.METRICS_PORT) : null;
  const metricsHost = process.env.METRICS_HOST || "127.0.0.1";
  if (metricsPort !== null && !(Number.isInteger(metricsPort) && metricsPort > 0 && metricsPort < 65536)) {
    throw new Error(`METRICS_PORT must be a port number, not "${process.env.METRICS_PORT}"`);
  }

  const { default: next } = await import("next");
  const app = next({ dev: false, dir, port, hostname: host ?? "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  const routeLabel = createRouteLabeler(readRoutesManifest(dir));

  const inFlight = new Set();
  let stopping = false;
  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
    overwriteHeader(req, REQUEST_ID_HEADER, requestId);
    overwriteHeader(req, REMOTE_ADDR_HEADER, req.socket.remoteAddress);
    res.setHeader("X-Request-Id", requestId);
    if (stopping) res.shouldKeepAlive = false;
    const pathname = pathnameOf(req.url ?? "/");
    const metricsHere = pathname === "/metrics" && !!metricsToken;
    const route = metricsHere ? "/metrics" : routeLabel(pathname);

    inFlight.add(res);
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      inFlight.delete(res);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.writableFinished ? res.statusCode : 499;
      observeRequest({ method: req.method, route, status, seconds });
      log.info(
        {
          requestId,
          method: req.method,
          route,
          path: pathname.slice(0, 300),
          status,
          durationMs: Math.round(seconds * 10_000) / 10,
          remoteAddress: req.socket.remoteAddress,
        },
        "request",
      );
      if (stopping) server.closeIdleConnections();
    };
    res.once("finish", done);
    res.once("close", done);

    const failed = (error) => {
      log.error({ err: error, requestId, method: req.method, route }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: { code: "internal", message: "Something went wrong on the server; it has been logged.", requestId } });
      else res.destroy();
    };
    try {
      const work = metricsHere ? serveMetrics(req, res, { token: metricsToken, requestId }) : handle(req, res);
      Promise.resolve(work).catch(failed);
    } catch (error) {
      failed(error);
    }
  });
  // Longer than the idle timeout of clients and proxies (typically 4–60 s): with Node's 5 s default
  // a client could reuse a keep-alive socket at the moment the server closes it (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await listen(server, port, host);

  let metricsServer = null;
  if (metricsPort !== null) {
    metricsServer = http.createServer((req, res) => {
      const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
      res.setHeader("X-Request-Id", requestId);
      if (pathnameOf(req.url ?? "/") !== "/metrics") {
        return sendJson(res, 404, { error: { code: "not_found", message: "Only /metrics is served on this port", requestId } });
      }
      serveMetrics(req, res, { token: metricsToken, requestId }).catch((error) => {
        log.error({ err: error, requestId }, "metrics scrape failed");
        if (!res.headersSent) sendJson(res, 500, { error: { code: "internal", message: "Metrics failed; see the log", requestId } });
      });
    });
    await listen(metricsServer, metricsPort, metricsHost);
    log.info({ host: metricsHost, port: metricsPort }, "metrics served on their own port");
  }

  let stopped = null;
  /** Stops accepting, lets in-flight requests finish (up to SHUTDOWN_GRACE_MS), closes the database. */
  function stop(reason = "stop") {
    if (stopped) return stopped;
    stopping = true;
    log.info({ reason, inFlight: inFlight.size }, "stopping: no new connections; finishing in-flight requests");
    // Their connections close once they are answered, instead of waiting for another request.
    for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
    // Open event streams never finish on their own: end them (db/queries/events/feed.ts); clients reconnect elsewhere.
    globalThis.hindsightEventFeed?.closeAll();
    // The webhook worker claims nothing more and lets its requests in flight finish (each has a deadline) before the database closes.
    const webhooksDone = globalThis.hindsightWebhookWorker?.stop();
    stopped = new Promise((resolve) => {
      const force = setTimeout(() => {
        log.warn({ inFlight: inFlight.size }, `requests still running after ${SHUTDOWN_GRACE_MS / 1000} s: closing their connections`);
        server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      force.unref();
      metricsServer?.close();
      metricsServer?.closeAllConnections();
      server.close(async () => {
        clearTimeout(force);
        await webhooksDone;
        await closeDatabase(log);
        log.info("stopped");
        resolve();
      });
      server.closeIdleConnections();
    });
    return stopped;
  }

  if (handleSignals) {
    for (const signal of ["SIGTERM", "SIGINT"]) {
      process.once(signal, () => {
        stop(signal).then(() => exit(0));
      });
    }
  }
  return { server, metricsServer, stop };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.chdir(root);
  startServer().catch((error) => {
    console.error(`[hindsight] The server did not start: ${error.message}`);
    process.exit(1);
  });
}
