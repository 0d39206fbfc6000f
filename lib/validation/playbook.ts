import { z } from "zod";
import { requiredTextField, textField, versionField } from "./fields";
import { isHttpUrl } from "./url";
import { SEVERITIES } from "../severity";
import { AUTO_CHECKS } from "../checklist-auto";

export const PLAYBOOK_ITEM_TEXT_MAX = 500;
export const PLAYBOOK_ITEMS_MAX = 100;
export const PLAYBOOK_NAME_MAX = 100;
export const PLAYBOOK_DESCRIPTION_MAX = 2000;

/** An optional http(s) link; "" and null both mean none. */
const link = z
  .string({ error: "Must be a URL or null" })
  .trim()
  .max(2000, "Link must be at most 2000 characters")
  .refine((v) => v === "" || isHttpUrl(v), "Must be a full http:// or https:// URL, e.g. https://wiki.example.com/comms")
  .transform((v) => v || null)
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const playbookItemSchema = z.strictObject({
  text: requiredTextField("Text", PLAYBOOK_ITEM_TEXT_MAX, { missing: "Text is required" }),
  link,
  // A condition the system can verify; the item then ticks itself. null or absent: ticked by people only.
  autoCheck: z
    .enum(AUTO_CHECKS, { error: `Must be one of ${AUTO_CHECKS.join(", ")}, or null` })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type PlaybookItemInput = z.infer<typeof playbookItemSchema>;

const name = requiredTextField("Name", PLAYBOOK_NAME_MAX, { missing: "Name is required" });
const description = textField("Description", PLAYBOOK_DESCRIPTION_MAX);
// Duplicates are dropped and the order made canonical, so equal conditions compare equal.
const severities = z
  .array(z.enum(SEVERITIES, { error: `Each must be one of ${SEVERITIES.join(", ")}` }), { error: `Must be a list of ${SEVERITIES.join(", ")}` })
  .max(20, "At most 20 severities")
  .transform((list) => SEVERITIES.filter((s) => list.includes(s)));
const serviceIds = z
  .array(z.number({ error: "Must be service ids" }).int("Must be service ids").positive("Must be service ids"), { error: "Must be a list of service ids" })
  .max(200, "At most 200 services")
  .transform((ids) => [...new Set(ids)].sort((a, b) => a - b));
const items = z
  .array(playbookItemSchema, { error: "Must be a list of {text, link, autoCheck}" })
  .min(1, "Add at least one checklist item")
  .max(PLAYBOOK_ITEMS_MAX, `At most ${PLAYBOOK_ITEMS_MAX} items`);
const enabled = z.boolean({ error: "Must be true or false" });

export const NO_CONDITION_MESSAGE = "Pick at least one severity or service: a playbook with neither would match nothing";

export const createPlaybookSchema = z.strictObject({
  name,
  description: description.optional(),
  severities: severities.optional(),
  serviceIds: serviceIds.optional(),
  enabled: enabled.optional(),
  items,
});
export type CreatePlaybookInput = z.infer<typeof createPlaybookSchema>;

/** Any subset of the fields, with the version last read; `items` replaces the whole list. */
export const updatePlaybookSchema = z.strictObject({
  version: versionField,
  name: name.optional(),
  description: description.optional(),
  severities: severities.optional(),
  serviceIds: serviceIds.optional(),
  enabled: enabled.optional(),
  items: items.optional(),
});
export type UpdatePlaybookInput = z.infer<typeof updatePlaybookSchema>;

/** The API names a playbook's services by slug (`services: ["payments-api"]`); the data layer turns them into serviceIds. */
export const serviceSlugsField = z
  .array(z.string({ error: "Must be a list of service slugs" }).trim().toLowerCase(), { error: "Must be a list of service slugs" })
  // As many as serviceIds allows: each slug is an SQL variable, and SQLite caps those.
  .max(200, "At most 200 services");

export const checklistDoneSchema = z.strictObject({ done: z.boolean({ error: "Must be true or false" }) });
