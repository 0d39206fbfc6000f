import http from "node:http";
import fs from "node:fs";
import { storageStateFor, type Role } from "../fixtures";
import { csrfFor } from "../sign-in-http";

// Reading Server-Sent Events over a plain socket: Playwright's request API waits for the whole body.

export type Frame = {
  id?: number;
  data?: { id: number; type: string; incidentId: number; payload: Record<string, unknown> };
  retry?: number;
  comment?: string;
};

export type EventStream = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body so far (the JSON error for a refused request). */
  text: () => string;
  frames: () => Frame[];
  events: () => NonNullable<Frame["data"]>[];
  /** Resolves with the first frame matching, waiting up to `ms`. */
  waitFor: (match: (frame: Frame) => boolean, ms?: number) => Promise<Frame>;
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  close: () => void;
};

function parse(block: string): Frame {
  const frame: Frame = {};
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) frame.comment = line.slice(1).trim();
    else if (line.startsWith("id: ")) frame.id = Number(line.slice(4));
    else if (line.startsWith("retry: ")) frame.retry = Number(line.slice(7));
    else if (line.startsWith("data: ")) frame.data = JSON.parse(line.slice(6)) as Frame["data"];
  }
  return frame;
}

/** Opens `path` on the server under test and reads its frames as they come. */
export function openEventStream(baseURL: string, path: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: { Accept: "text/event-stream", ...headers } });
    req.on("error", reject);
    req.on("response", (res) => {
      let body = "";
      const frames: Frame[] = [];
      const waiters = new Set<() => void>();
      let endedResolve!: () => void;
      const ended = new Promise<void>((r) => (endedResolve = r));
      res.setEncoding("utf8");
      let pending = "";
      res.on("data", (chunk: string) => {
        body += chunk;
        if (res.statusCode !== 200) return;
        pending += chunk;
        let cut: number;
        while ((cut = pending.indexOf("\n\n")) >= 0) {
          frames.push(parse(pending.slice(0, cut)));
          pending = pending.slice(cut + 2);
        }
        for (const wake of [...waiters]) wake();
      });
      res.on("end", endedResolve);
      res.on("close", endedResolve);
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        text: () => body,
        frames: () => [...frames],
        events: () => frames.flatMap((f) => (f.data ? [f.data] : [])),
        ended,
        close: () => req.destroy(),
        waitFor: (match, ms = 10_000) =>
          new Promise((done, fail) => {
            const check = () => {
              const found = frames.find(match);
              if (!found) return false;
              waiters.delete(check);
              clearTimeout(timer);
              done(found);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching frame within ${ms} ms; got: ${body.slice(-2000)}`));
            }, ms);
            waiters.add(check);
            check();
          }),
      });
    });
    req.end();
  });
}

/** The Cookie header of a role signed in by auth.setup.ts. */
export function sessionCookie(role: Role): string {
  const state = JSON.parse(fs.readFileSync(storageStateFor(role), "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Signs a person in over HTTP and returns their session Cookie header. */
export async function signInCookie(baseURL: string, email: string, password: string): Promise<string> {
  const csrf = await csrfFor({ baseURL });
  const res = await fetch(new URL("/api/auth/callback/credentials", baseURL), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie },
    body: new URLSearchParams({ email, password, csrfToken: csrf.token, callbackUrl: "/incidents", json: "true" }).toString(),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return session.split(";")[0]!;
}
