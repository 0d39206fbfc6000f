import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "../env";

/** data/ beside the database: secrets and the first admin's password live there, mode 0600. */
export function dataDir(): string {
  const db = env("DATABASE_PATH");
  return db ? path.dirname(path.resolve(/*turbopackIgnore: true*/ db)) : path.resolve(/*turbopackIgnore: true*/ "data");
}

export function writeSecretFile(file: string, content: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

let cachedSecret: string | null = null;

/** NEXTAUTH_SECRET, or one generated on first use and kept in data/auth-secret. */
export function authSecret(): string {
  const configured = env("NEXTAUTH_SECRET");
  if (configured) return configured;
  if (cachedSecret) return cachedSecret;
  const file = path.join(dataDir(), "auth-secret");
  try {
    cachedSecret = fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = randomBytes(48).toString("base64url");
    try {
      // "wx": if another process created it first, read theirs instead.
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      cachedSecret = secret;
    } catch {
      cachedSecret = fs.readFileSync(file, "utf8").trim();
    }
  }
  return cachedSecret!;
}
