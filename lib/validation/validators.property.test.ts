// Property tests for every request validator: whatever JSON arrives, parseInput either accepts
// it or throws our 400 (AppError "validation_failed") naming the bad fields; generated valid
// input is accepted. Reproduce a failure with FC_SEED=<seed printed> (FC_RUNS for more runs).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { z } from "zod";
import { AppError } from "../errors";
import { parseInput } from "./parse";
import { addNoteSchema, declareIncidentSchema, highlightEntrySchema, listIncidentsSchema, updateIncidentSchema } from "./incident";
import { createActionItemSchema, listActionItemsSchema, updateActionItemSchema } from "./action-item";
import { checklistDoneSchema, createPlaybookSchema, updatePlaybookSchema } from "./playbook";
import {
  addCommentSchema,
  createFactorSchema,
  listPostmortemsSchema,
  regenerateTimelineSchema,
  renameFactorSchema,
  requiredSeveritiesSchema,
  reviewCheckSchema,
  savePostmortemSchema,
  setReviewersSchema,
  transitionSchema,
} from "./postmortem";
import { searchSchema } from "./search";
import {
  createServiceSchema,
  createSloSchema,
  linkServiceSchema,
  listServicesSchema,
  spendOverrideSchema,
  teamSchema,
  updateServiceSchema,
  updateSloSchema,
} from "./service";
import { changePasswordSchema, createTokenSchema, createUserSchema, updateUserSchema } from "./user";
import { updateCadenceSchema } from "../update-cadence";
import { insightsQuerySchema } from "../insights/params";
import { hostileObject, hostileQuery, hostileValue, HOSTILE_KEYS, mutated, seedFrom } from "../testing/hostile-input";
import * as valid from "../testing/valid-input";

const seed = seedFrom("FC_SEED", 20_261_206);
const numRuns = Number(process.env.FC_RUNS ?? 60);

/** fc.assert with the run's seed; a failure names the seed to reproduce it with. */
function check(property: fc.IProperty<never> | fc.IProperty<[unknown]> | fc.IProperty<[never]>) {
  try {
    fc.assert(property as fc.IProperty<unknown[]>, { seed, numRuns });
  } catch (error) {
    console.error(`[property] failed with FC_SEED=${seed} (rerun: FC_SEED=${seed} npx vitest run lib/validation/validators.property.test.ts)`);
    throw error;
  }
}

type Case = {
  name: string;
  schema: z.ZodType;
  /** The field names it knows. */
  keys: readonly string[];
  valid: fc.Arbitrary<unknown>;
  /** Body validators refuse unknown fields; query validators ignore unknown parameters. */
  kind: "body" | "query" | "list";
};

const keysOf = (schema: z.ZodType): string[] => {
  const shape = (schema as unknown as { shape?: Record<string, unknown>; def?: { in?: { shape?: Record<string, unknown> } } }).shape;
  if (shape) return Object.keys(shape);
  const inner = (schema as unknown as { def: { schema?: z.ZodType; in?: z.ZodType } }).def;
  return inner.schema ? keysOf(inner.schema) : inner.in ? keysOf(inner.in) : [];
};

const body = (name: string, schema: z.ZodType, arb: fc.Arbitrary<unknown>): Case => ({ name, schema, keys: keysOf(schema), valid: arb, kind: "body" });
const query = (name: string, schema: z.ZodType, arb: fc.Arbitrary<unknown>): Case => ({ name, schema, keys: keysOf(schema), valid: arb, kind: "query" });

const CASES: Case[] = [
  body("declareIncidentSchema", declareIncidentSchema, valid.declareIncident),
  body("updateIncidentSchema", updateIncidentSchema, valid.updateIncident),
  body("addNoteSchema", addNoteSchema, valid.addNote),
  body("highlightEntrySchema", highlightEntrySchema, valid.highlightEntry),
  query("listIncidentsSchema", listIncidentsSchema, valid.listIncidentsQuery),
  body("createActionItemSchema", createActionItemSchema, valid.createActionItem),
  body("updateActionItemSchema", updateActionItemSchema, valid.updateActionItem),
  query("listActionItemsSchema", listActionItemsSchema, valid.listActionItemsQuery),
  body("createPlaybookSchema", createPlaybookSchema, valid.createPlaybook),
  body("updatePlaybookSchema", updatePlaybookSchema, valid.updatePlaybook),
  body("checklistDoneSchema", checklistDoneSchema, valid.checklistDone),
  body("savePostmortemSchema", savePostmortemSchema, valid.savePostmortem),
  body("transitionSchema", transitionSchema, valid.transition),
  body("setReviewersSchema", setReviewersSchema, valid.setReviewers),
  body("addCommentSchema", addCommentSchema, valid.addComment),
  body("reviewCheckSchema", reviewCheckSchema, valid.reviewCheck),
  body("regenerateTimelineSchema", regenerateTimelineSchema, valid.regenerateTimeline),
  query("listPostmortemsSchema", listPostmortemsSchema, valid.listPostmortemsQuery),
  body("createFactorSchema", createFactorSchema, valid.createFactor),
  body("renameFactorSchema", renameFactorSchema, valid.renameFactor),
  { name: "requiredSeveritiesSchema", schema: requiredSeveritiesSchema, keys: [], valid: valid.requiredSeverities, kind: "list" },
  query("searchSchema", searchSchema, valid.searchQuery),
  body("createServiceSchema", createServiceSchema, valid.createService),
  body("updateServiceSchema", updateServiceSchema, valid.updateService),
  body("createSloSchema", createSloSchema, valid.createSlo),
  body("updateSloSchema", updateSloSchema, valid.updateSlo),
  body("linkServiceSchema", linkServiceSchema, valid.linkService),
  body("spendOverrideSchema", spendOverrideSchema, valid.spendOverride),
  body("teamSchema", teamSchema, valid.team),
  query("listServicesSchema", listServicesSchema, valid.listServicesQuery),
  body("createUserSchema", createUserSchema, valid.createUser),
  body("updateUserSchema", updateUserSchema, valid.updateUser),
  body("changePasswordSchema", changePasswordSchema, valid.changePassword),
  body("createTokenSchema", createTokenSchema, valid.createToken),
  body("updateCadenceSchema", updateCadenceSchema, valid.updateCadence),
  query("insightsQuerySchema", insightsQuerySchema, valid.insightsQuery),
];

/** Accepted, or our validation error with a message and named fields that survive JSON. */
function acceptedOrValidationError(schema: z.ZodType, input: unknown): { accepted: true } | { accepted: false; fields: Record<string, string> } {
  try {
    parseInput(schema, input);
    return { accepted: true };
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`threw ${String(error)} instead of a validation error`, { cause: error });
    expect(error.code).toBe("validation_failed");
    expect(error.status).toBe(400);
    const json = JSON.parse(JSON.stringify(error.toJSON())) as { error: { message: string; fields: Record<string, string> } };
    expect(json.error.message.length).toBeGreaterThan(0);
    const fields = json.error.fields;
    expect(Object.keys(fields).length, `no field named in ${JSON.stringify(json)}`).toBeGreaterThan(0);
    for (const message of Object.values(fields)) expect(typeof message).toBe("string");
    return { accepted: false, fields };
  }
}

describe.each(CASES)("$name", ({ schema, keys, valid: validInput, kind }) => {
  it("any JSON value: accepted or a validation error", () => {
    check(fc.property(fc.jsonValue(), (input) => void acceptedOrValidationError(schema, input)));
  });

  it("hostile values under its own field names and hostile keys: accepted or a validation error", () => {
    const arb = kind === "query" ? hostileQuery(keys) : kind === "list" ? fc.array(hostileValue, { maxLength: 8 }) : hostileObject(keys);
    check(fc.property(arb, (input) => void acceptedOrValidationError(schema, input)));
  });

  it("generated valid input is accepted", () => {
    check(
      fc.property(validInput, (input) => {
        const result = schema.safeParse(input);
        expect(result.success, `${JSON.stringify(input)} → ${result.success ? "" : JSON.stringify(result.error.issues)}`).toBe(true);
      }),
    );
  });

  if (kind === "body") {
    it("a valid body with one field broken: a validation error names it, or it is still valid", () => {
      check(
        fc.property(mutated(validInput as fc.Arbitrary<Record<string, unknown>>, keys), ({ input, mutation }) => {
          const outcome = acceptedOrValidationError(schema, input);
          if (mutation.kind === "add" && !keys.includes(mutation.key)) {
            expect(outcome.accepted, `unknown field ${JSON.stringify(mutation.key)} accepted`).toBe(false);
            if (!outcome.accepted)
              expect(Object.hasOwn(outcome.fields, mutation.key), `fields ${JSON.stringify(outcome.fields)} should name ${JSON.stringify(mutation.key)}`).toBe(
                true,
              );
          }
        }),
      );
    });

    it.each(HOSTILE_KEYS)("an unknown field %j is named as unknown", (key) => {
      const input = JSON.parse(`{${JSON.stringify(key)}: 1}`) as Record<string, unknown>;
      const outcome = acceptedOrValidationError(schema, input);
      expect(outcome.accepted).toBe(false);
      if (!outcome.accepted) expect(Object.hasOwn(outcome.fields, key) && outcome.fields[key]).toBe("Unknown field");
    });
  }
});
