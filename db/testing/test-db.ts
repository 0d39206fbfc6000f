// A fresh database per test file — SQLite, or PostgreSQL when the run says so (HINDSIGHT_TEST_ENGINE=pg,
// vitest project "pg") — and quick ways to make the people tests act as.
import { afterAll, beforeAll } from "vitest";
import { and, eq } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, getDb, prepareDatabase, useDatabaseForTests, sqliteWriter, type Db } from "../client";
import { dialect } from "../dialect";
import { createPgTestDatabase } from "./pg-test-database";
import { insertUser } from "../commands/admin/users";
import { insertToken } from "../commands/admin/tokens";
import { auditLog } from "../schema";
import type { Actor } from "@/lib/actor";
import type { UserRole } from "@/lib/roles";

export const TEST_PASSWORD = "test-password-1234";

export type TestUser = { id: number; email: string; name: string; role: UserRole; actor: Actor & { kind: "user" } };

export type TestDb = {
  db: Db;
  /** SQLite: the temp directory and database file (empty on PostgreSQL). */
  dir: string;
  file: string;
  /** Creates a user with a unique email; returns the row and an Actor that acts as them. */
  createUser: (role: UserRole, overrides?: { email?: string; name?: string }) => Promise<TestUser>;
  /** Creates an API token; returns its secret and an Actor for it. */
  createToken: (role: UserRole, createdBy?: Actor | null) => Promise<{ id: number; token: string; actor: Actor & { kind: "token" } }>;
  cleanup: () => Promise<void>;
};

let counter = 0;

export function userActor(user: { id: number; email: string; name: string; role: UserRole }): Actor & { kind: "user" } {
  return { kind: "user", userId: user.id, role: user.role, email: user.email, name: user.name, ip: "127.0.0.1" };
}

/** Points the data layer (getDb) at a new migrated database: a file in a temp directory, or a PostgreSQL database. */
export async function createTestDb(): Promise<TestDb> {
  let dir = "";
  let file = "";
  let db: Db;
  let dispose: () => Promise<void>;
  if (dialect === "pg") {
    const database = await createPgTestDatabase();
    // A second test database in one file: the data layer leaves the first (as SQLite's getDb() does).
    await closeDatabase();
    // eslint-disable-next-line no-restricted-properties -- points the data layer (server/env.ts) at this file's database
    process.env.DATABASE_URL = database.url;
    await prepareDatabase();
    db = getDb();
    dispose = async () => {
      await closeDatabase();
      await database.drop();
    };
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-test-db-"));
    file = path.join(dir, "hindsight.db");
    useDatabaseForTests(file);
    // Tests arrange rows directly: the writer connection (autocommit), not the read-only one getDb() gives.
    db = sqliteWriter().db;
    dispose = async () => {
      await closeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  return {
    db,
    dir,
    file,
    async createUser(role, overrides = {}) {
      counter += 1;
      const email = overrides.email ?? `${role}${counter}@example.test`;
      const name = overrides.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${counter}`;
      const user = await insertUser({ email, name, role, password: TEST_PASSWORD });
      return { id: user.id, email: user.email, name: user.name, role: user.role, actor: userActor(user) };
    },
    async createToken(role, createdBy = null) {
      counter += 1;
      const created = await insertToken({ name: `test token ${counter}`, role }, createdBy);
      return {
        id: created.id,
        token: created.token,
        actor: { kind: "token", tokenId: created.id, role: created.role, name: created.name, ip: "127.0.0.1" },
      };
    },
    cleanup: () => dispose(),
  };
}

/** Runs fn and returns the error it throws (fails the test if it does not throw). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the error carries (details.current, fields…)
export async function thrown(fn: () => unknown): Promise<any> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

/** Same as thrown, for async functions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as thrown
export async function rejected(fn: () => Promise<unknown>): Promise<any> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to reject");
}

export type TestContext = { t: TestDb; admin: TestUser; responder: TestUser; viewer: TestUser };

/**
 * For a test file: a fresh database with one admin, one responder and one viewer, made before
 * the file's tests and removed after. Read the fields inside tests (they are set in beforeAll).
 */
export function setUpTestDb(): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.t = await createTestDb();
    ctx.admin = await ctx.t.createUser("admin");
    ctx.responder = await ctx.t.createUser("responder");
    ctx.viewer = await ctx.t.createUser("viewer");
  });
  afterAll(() => ctx.t.cleanup());
  return ctx;
}

/** The audit records of one action (and entity, when given), oldest first. */
export async function auditsOf(db: Db, action: string, entityId?: number | string) {
  const where = entityId === undefined ? eq(auditLog.action, action) : and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId)));
  return await db.select().from(auditLog).where(where).orderBy(auditLog.id);
}
