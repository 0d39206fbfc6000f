import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrubText } from "./logger.mjs";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "debug", destination }) };
}

describe("JSON logger", () => {
  it("writes one JSON object a line with level, time and message", () => {
    const { lines, logger } = capture();
    logger.info({ requestId: "abc" }, "hello");
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: "info", requestId: "abc", msg: "hello" });
    expect(new Date(entry.time).getTime()).not.toBeNaN();
  });

  it("never writes passwords, tokens, cookies or authorization headers", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        password: "hunter2-password",
        body: { newPassword: "n3w-password", token: "hs_tokensecretvalue" },
        req: { headers: { authorization: "Bearer hs_headersecret1", cookie: "next-auth.session-token=cookiesecret" } },
        secret: "the-auth-secret",
      },
      "signed in",
    );
    logger.error({ err: new Error("token Bearer hs_inmessage123 rejected") }, "failed with Bearer hs_inmsg12345");
    const text = lines.join("\n");
    for (const secret of [
      "hunter2-password",
      "n3w-password",
      "hs_tokensecretvalue",
      "hs_headersecret1",
      "cookiesecret",
      "the-auth-secret",
      "hs_inmessage123",
      "hs_inmsg12345",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[Redacted]");
    expect(JSON.parse(lines[1]!).err.message).toBe("token Bearer [Redacted] rejected");
  });

  it("masks bearer values and API tokens in free text", () => {
    expect(scrubText("Authorization: Bearer abc.def")).toBe("Authorization: Bearer [Redacted]");
    expect(scrubText("token hs_0123456789abcdef used")).toBe("token [Redacted] used");
    expect(scrubText("nothing secret here")).toBe("nothing secret here");
  });

  it("respects the level", () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
    const logger = createLogger({ level: "warn", destination });
    logger.info("quiet");
    logger.warn("loud");
    expect(lines).toHaveLength(1);
  });
});
