import { randomInt } from "node:crypto";
import http from "node:http";

// Sign-in attempts over plain HTTP (next-auth's CSRF token, then the credentials callback), for
// tests that need many attempts, attempts in parallel, or a real socket address of their own.

export type SignInHttpOptions = {
  baseURL: string;
  /** Extra request headers, e.g. X-Forwarded-For. */
  headers?: Record<string, string>;
  /** The local address to connect from (any 127.x.y.z works on Linux loopback). */
  localAddress?: string;
};

function send(options: SignInHttpOptions, method: string, path: string, headers: Record<string, string>, body?: string) {
  const url = new URL(path, options.baseURL);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: { ...options.headers, ...headers },
        localAddress: options.localAddress,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A CSRF token and the cookie that goes with it; reusable for many attempts. */
export async function csrfFor(options: SignInHttpOptions): Promise<{ token: string; cookie: string }> {
  const res = await send(options, "GET", "/api/auth/csrf", {});
  const cookie = (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  return { token: (JSON.parse(res.text) as { csrfToken: string }).csrfToken, cookie };
}

/** One attempt: null when it signed in, else the message the sign-in form would show. */
export async function signInOverHttp(
  options: SignInHttpOptions,
  email: string,
  password: string,
  csrf?: { token: string; cookie: string },
): Promise<string | null> {
  const { token, cookie } = csrf ?? (await csrfFor(options));
  const body = new URLSearchParams({ email, password, csrfToken: token, callbackUrl: "/incidents", json: "true" }).toString();
  const res = await send(options, "POST", "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded", cookie }, body);
  const url = new URL((JSON.parse(res.text) as { url: string }).url, options.baseURL);
  return url.searchParams.get("error");
}

export const BAD_CREDENTIALS = "Email or password is incorrect.";
export const PAUSED_PAIR = /^Too many failed sign-in attempts for this account from your network address\./;
export const PAUSED_ADDRESS = /^Too many failed sign-in attempts from your network address\./;

/**
 * A random address in the benchmarking range (198.18.0.0/15, never a real client), so no other
 * test, even one running at the same time on another worker, shares its sign-in limits.
 */
export const testAddress = () => `198.${18 + randomInt(2)}.${randomInt(256)}.${randomInt(1, 255)}`;
