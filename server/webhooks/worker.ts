import "server-only";
import { getDb } from "@/db/client";
import { onWebhookNudge } from "@/db/access/webhook-nudge";
import { onEventAppended } from "@/db/access/events";
import { claimDueDeliveries, recordAttempt, type ClaimedDelivery } from "@/db/ops/webhooks/deliveries";
import { ensureFanoutCursor, fanOutEvents } from "@/db/ops/webhooks/fanout";
import { announceOverdueActionItems } from "@/db/ops/webhooks/overdue";
import { pruneDeliveryLog } from "@/db/ops/webhooks/prune";
import { env } from "@/server/env";
import { log } from "@/server/observability/log";
import { sendWebhookRequest } from "./send";
import { signedHeaders } from "./signing";

const CONCURRENCY = 4;
const OVERDUE_CHECK_MS = 60_000;
// Time after the request deadline to write the outcome before the lease lets another pass take it.
const LEASE_MARGIN_MS = 5_000;

type State = {
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
  stopped: boolean;
  inFlight: Set<Promise<void>>;
  lastOverdueCheck: number;
  unsubscribe: (() => void)[];
  /** scripts/server.mjs calls it when the server stops, and closes the database once it resolves. */
  stop: () => Promise<void>;
};
// On globalThis: one worker per process whichever bundle loads this module, and reachable from scripts/server.mjs.
const shared = globalThis as unknown as { hindsightWebhookWorker?: State };

/** Links in notifications point at the public address (NEXTAUTH_URL); without it they are left out. */
export function publicBaseUrl(): string | null {
  const url = env("NEXTAUTH_URL")?.trim();
  return url ? url.replace(/\/+$/, "") : null;
}

function settings() {
  return {
    tickMs: env("HINDSIGHT_WEBHOOK_TICK_MS"),
    timeoutMs: env("HINDSIGHT_WEBHOOK_TIMEOUT_MS"),
    scale: env("HINDSIGHT_WEBHOOK_BACKOFF_SCALE"),
    disableAfter: env("HINDSIGHT_WEBHOOK_DISABLE_AFTER"),
    allowed: env("HINDSIGHT_WEBHOOK_ALLOW_ADDRESSES"),
  };
}

async function deliver(claim: ClaimedDelivery, config: Awaited<ReturnType<typeof settings>>) {
  const headers = signedHeaders(claim.endpoint.secret, claim.webhookId, claim.body, new Date());
  const result = await sendWebhookRequest({ url: claim.endpoint.url, body: claim.body, headers, timeoutMs: config.timeoutMs, allowed: config.allowed });
  await recordAttempt(getDb(), claim, result, { now: Date.now(), scale: config.scale, disableAfter: config.disableAfter });
}

/** One pass: fan out new events, announce overdue action items now and then, send what is due. */
async function pass(state: State) {
  const db = getDb();
  const config = settings();
  const baseUrl = publicBaseUrl();
  while ((await fanOutEvents(db, { baseUrl })).read > 0 && !state.stopped);
  if (Date.now() - state.lastOverdueCheck >= OVERDUE_CHECK_MS) {
    state.lastOverdueCheck = Date.now();
    await announceOverdueActionItems(db, { baseUrl });
    await pruneDeliveryLog(db);
  }
  const free = CONCURRENCY - state.inFlight.size;
  if (free <= 0 || state.stopped) return;
  const claims = await claimDueDeliveries(db, { now: Date.now(), limit: free, leaseMs: config.timeoutMs + LEASE_MARGIN_MS });
  for (const claim of claims) {
    const job: Promise<void> = deliver(claim, config)
      .catch((error: unknown) => log.error({ err: error, deliveryId: claim.id }, "webhook delivery failed to record"))
      .finally(() => {
        state.inFlight.delete(job);
        // A slot is free: look for more due work without waiting for the tick.
        kick(state);
      });
    state.inFlight.add(job);
  }
}

function kick(state: State) {
  if (state.stopped) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  pass(state)
    .catch((error: unknown) => log.error({ err: error }, "webhook worker pass failed"))
    .finally(() => {
      state.running = false;
      if (state.again) {
        state.again = false;
        setImmediate(() => kick(state));
      }
    });
}

/**
 * Starts the webhook worker of this process (once; instrumentation.ts calls it). It follows the
 * event log from its durable cursor, so deliveries for changes made while it was down are queued
 * when it starts, and claims whose process died are sent again once their lease runs out.
 */
export async function startWebhookWorker() {
  if (shared.hindsightWebhookWorker) return;
  await ensureFanoutCursor(getDb());
  const state: State = {
    timer: null,
    running: false,
    again: false,
    stopped: false,
    inFlight: new Set(),
    lastOverdueCheck: 0,
    unsubscribe: [],
    stop: stopWebhookWorker,
  };
  shared.hindsightWebhookWorker = state;
  state.timer = setInterval(() => kick(state), settings().tickMs);
  state.timer.unref();
  state.unsubscribe.push(
    onEventAppended(() => kick(state)),
    onWebhookNudge(() => kick(state)),
  );
  kick(state);
}

/**
 * Stops claiming new work; resolves when the requests in flight have finished and been recorded
 * (each has its deadline; a kill before that leaves a claim that is sent again after the restart).
 */
export function stopWebhookWorker(): Promise<void> {
  const state = shared.hindsightWebhookWorker;
  if (!state) return Promise.resolve();
  state.stopped = true;
  if (state.timer) clearInterval(state.timer);
  for (const off of state.unsubscribe) off();
  shared.hindsightWebhookWorker = undefined;
  return Promise.allSettled([...state.inFlight]).then(() => undefined);
}
