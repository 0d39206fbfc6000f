// A local HTTP receiver for outgoing-webhook specs: records every request and answers as told,
// per path (a status, headers, or "hang" to hold the request open like a stuck receiver).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { path: string; at: number; headers: Record<string, string>; body: string; answered: number | null };
export type Answer = number | { status: number; headers?: Record<string, string> } | "hang";

export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly plans = new Map<string, Answer[]>();
  private readonly held = new Set<http.ServerResponse>();
  private server = http.createServer((req, res) => this.handle(req, res));
  url = "";

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answers for the next requests to `path`, in order; the last one repeats (default 200). */
  plan(path: string, ...answers: Answer[]) {
    this.plans.set(path, answers);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /**
   * The test events (Send test event, POST /api/v1/webhooks/{id}/test) that reached `path`. An
   * endpoint subscribed to incident.declared also gets the incidents other tests declare meanwhile.
   */
  testEventsAt(path: string): Received[] {
    return this.at(path).filter((r) => (r.headers["webhook-id"] ?? "").startsWith("msg_test"));
  }

  /** Waits until `path` has received `count` requests (fails after `timeoutMs`). */
  waitFor(path: string, count = 1, timeoutMs = 20_000): Promise<Received[]> {
    return this.waitUntil(() => this.at(path), `${path} received`, count, timeoutMs);
  }

  /** Waits until `path` has received `count` test events (fails after `timeoutMs`). */
  waitForTestEvents(path: string, count = 1, timeoutMs = 20_000): Promise<Received[]> {
    return this.waitUntil(() => this.testEventsAt(path), `${path} received test events:`, count, timeoutMs);
  }

  private async waitUntil(received: () => Received[], what: string, count: number, timeoutMs: number): Promise<Received[]> {
    const until = Date.now() + timeoutMs;
    while (received().length < count) {
      if (Date.now() > until) throw new Error(`${what} ${received().length} of ${count} requests within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return received();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      const plan = this.plans.get(path) ?? [];
      const answer = (plan.length > 1 ? plan.shift() : plan[0]) ?? 200;
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const entry: Received = { path, at: Date.now(), headers, body: Buffer.concat(chunks).toString("utf8"), answered: null };
      this.received.push(entry);
      if (answer === "hang") {
        this.held.add(res);
        res.on("close", () => this.held.delete(res));
        return;
      }
      const { status, headers: extra } = typeof answer === "number" ? { status: answer, headers: {} } : answer;
      entry.answered = status;
      res.writeHead(status, extra).end(status >= 400 ? `answer ${status}` : "ok");
    });
  }
}
