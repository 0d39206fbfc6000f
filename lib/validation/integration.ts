import { z } from "zod";
import { routingRulesSchema } from "../alerts/routing-rules";
import { requiredTextField, versionField } from "./fields";

export const INTEGRATION_KIND_VALUES = ["alertmanager", "grafana", "events-v2"] as const;
export type IntegrationKind = (typeof INTEGRATION_KIND_VALUES)[number];

const name = requiredTextField("Name", 100);
const enabled = z.boolean({ error: "Must be true or false" });
const hmacSecret = z
  .string({ error: "Must be a string" })
  .min(8, "At least 8 characters")
  .max(500, "At most 500 characters")
  .refine((s) => s.trim() === s, "No spaces at the start or end");

export const createIntegrationSchema = z.strictObject({
  name,
  kind: z.enum(INTEGRATION_KIND_VALUES, { error: `Must be one of ${INTEGRATION_KIND_VALUES.join(", ")}` }),
  enabled: enabled.optional(),
  rules: routingRulesSchema.optional(),
  hmacSecret: hmacSecret.optional(),
});
export type CreateIntegrationInput = z.infer<typeof createIntegrationSchema>;

export const updateIntegrationSchema = z.strictObject({
  version: versionField,
  name: name.optional(),
  enabled: enabled.optional(),
  rules: routingRulesSchema.optional(),
  /** null removes it. */
  hmacSecret: hmacSecret.nullable().optional(),
});
export type UpdateIntegrationInput = z.infer<typeof updateIntegrationSchema>;

export const rotateIntegrationSecretSchema = z.strictObject({ version: versionField });
