// npm run token -- create --name NAME --role ROLE | list | revoke --id N
// Manages API tokens straight in the configured database (DATABASE_PATH, else data/hindsight.db),
// for first set-up and automation. `create` prints the token alone as the last line of stdout.
import { parseCommandLine, UsageError } from "./cli";
import { closeDatabase as closeConnections, databaseDescription, prepareDatabase } from "@/db/client";
import { insertToken, revokeTokenRow } from "@/db/commands/admin/tokens";
import { selectTokens } from "@/db/queries/admin/tokens";
import { AppError } from "@/lib/errors";
import { USER_ROLES, type UserRole } from "@/lib/roles";

const USAGE = `Usage:
  npm run token -- create --name NAME --role ${USER_ROLES.join("|")}
  npm run token -- list
  npm run token -- revoke --id N

Uses DATABASE_PATH, else data/hindsight.db. "create" prints the token as the last line of stdout.`;

const parse = (argv: string[]) => parseCommandLine(argv, { name: { type: "string" }, role: { type: "string" }, id: { type: "string" } });

const iso = (ms: number | null) => (ms === null ? "-" : new Date(ms).toISOString());

async function create(name: string | undefined, role: string | undefined) {
  if (name === undefined || role === undefined) throw new UsageError("create needs --name and --role");
  const token = await insertToken({ name, role: role as UserRole });
  console.log(`Created ${token.role} token "${token.name}" (id ${token.id}) in ${databaseDescription()}.`);
  console.log("It is shown only this once; store it now and send it as Authorization: Bearer <token>.");
  console.log(token.token);
}

async function list() {
  const tokens = await selectTokens();
  if (tokens.length === 0) {
    console.log(`No API tokens in ${databaseDescription()}.`);
    return;
  }
  for (const t of tokens) {
    const state = t.revokedAt ? `revoked ${iso(t.revokedAt)}` : "active";
    console.log(`${t.id}\t${t.prefix}…\t${t.role}\t${t.name}\t${state}\tcreated ${iso(t.createdAt)}\tlast used ${iso(t.lastUsedAt)}`);
  }
}

async function revoke(id: string | undefined) {
  if (id === undefined || !/^\d{1,12}$/.test(id) || Number(id) < 1) throw new UsageError("revoke needs --id N (a token id from list)");
  await revokeTokenRow(Number(id));
  console.log(`Revoked token ${id}.`);
}

async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (rest.length) throw new UsageError(`Unexpected argument: ${rest.join(" ")}`);
    if (command === "create") await create(values.name, values.role);
    else if (command === "list") await list();
    else if (command === "revoke") await revoke(values.id);
    else throw new UsageError(command ? `Unknown command: ${command}` : "Missing command");
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(`Error: ${error.message}`);
      // Bad input is a usage problem (2); a missing or already revoked token is a plain failure (1).
      return error.code === "validation_failed" ? 2 : 1;
    }
    throw error;
  } finally {
    await closeDatabase();
  }
}

/** Closes the connections (SQLite: the WAL is checkpointed; PostgreSQL: the pool ends), so the process exits at once. */
async function closeDatabase() {
  await closeConnections();
}

void (async () => {
  await prepareDatabase();
  process.exitCode = await main(process.argv.slice(2));
})();
