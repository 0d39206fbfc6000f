// What the command-line scripts (token, backup, restore) share: argument parsing and usage errors.
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A mistake in the command line: printed with the usage text, exit status 2. */
export class UsageError extends Error {}

/** Strict parseArgs with positionals; its errors become UsageErrors. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...options, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The one FILE argument of backup and restore. */
export function singleFile(positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError("Missing the backup FILE");
  if (positionals.length > 1) throw new UsageError(`Unexpected argument: ${positionals.slice(1).join(" ")}`);
  return positionals[0]!;
}

/**
 * Runs a file command: --help prints the usage; a UsageError exits 2 with the usage; any other
 * error exits 1 with `describe(error)`.
 */
export function runFileCommand(
  usage: string,
  argv: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  run: (file: string, values: Record<string, unknown>) => Promise<void>,
  describe: (error: Error) => string,
) {
  const main = async (): Promise<number> => {
    try {
      const { values, positionals } = parseCommandLine(argv, options);
      if (values.help) {
        console.log(usage);
        return 0;
      }
      const file = singleFile(positionals);
      if (/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL?.trim() ?? "")) {
        console.error(
          "This installation runs on PostgreSQL (DATABASE_URL): back it up with pg_dump and restore with pg_restore (README: Running on PostgreSQL → Backups). npm run backup / restore copy the SQLite file only.",
        );
        return 1;
      }
      await run(file, values);
      return 0;
    } catch (error) {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n\n${usage}`);
        return 2;
      }
      console.error(describe(error as Error));
      return 1;
    }
  };
  void main().then((code) => {
    process.exitCode = code;
  });
}
