// The Prometheus registry of the process (prom-client), shared by scripts/server.mjs and the app
// through globalThis: the server bundle and the custom server load this file separately.
import client from "prom-client";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status"];
  return {
    registry,
    httpRequests: new client.Counter({
      name: "hindsight_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status",
      labelNames,
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "hindsight_http_request_duration_seconds",
      help: "Time from receiving a request to finishing its response, by method, route pattern and status",
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    dbDuration: new client.Histogram({
      name: "hindsight_db_statement_duration_seconds",
      help: "Time spent executing database statements (SQLite or PostgreSQL), by operation (run, get, all)",
      labelNames: ["operation"],
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
  };
}

/** The process-wide metrics. */
export function getMetrics() {
  globalThis.hindsightMetrics ??= createMetrics();
  return globalThis.hindsightMetrics;
}

/** Records one answered request. `method` outside the usual verbs is counted as OTHER. */
export function observeRequest({ method, route, status, seconds }) {
  const { httpRequests, httpDuration } = getMetrics();
  const labels = { method: METHODS.has(method) ? method : "OTHER", route, status: String(status) };
  httpRequests.inc(labels);
  httpDuration.observe(labels, seconds);
}
