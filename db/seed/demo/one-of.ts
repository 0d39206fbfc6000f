import { z } from "zod";
import { DEMO_PEOPLE, type DemoPersonKey } from "./people";

/** A zod schema for one of the given strings, typed as their union (for lists that are not tuples). */
export const oneOf = <T extends string>(values: readonly T[]) =>
  z.custom<T>((v) => typeof v === "string" && (values as readonly string[]).includes(v), { message: `expected one of ${values.join(", ")}` });

/** A demo person's key (db/seed/demo/people.ts). */
export const personKey = oneOf<DemoPersonKey>(DEMO_PEOPLE.map((p) => p.key));
