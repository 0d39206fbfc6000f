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

  /** Waits until `path` has received `count` requests (fails after `timeoutMs`). */
  async waitFor(path: string, count = 1, timeoutMs = 20_000): Promise<Received[]> {
    const until = Date.now() + timeoutMs;
    while (this.at(path).length < count) {
      if (Date.now() > until) throw new Error(`${path} received ${this.at(path).length} of ${count} requests within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.at(path);
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
