import { z } from "zod";
import { pageFields, personEmailField, requiredTextField, textField, versionField as version } from "./fields";
import { POSTMORTEM_STATUSES, REVIEW_CHECKLIST, SECTION_KEYS, SECTION_MAX, type PostmortemSectionKey, type ReviewCheckKey } from "../postmortem-template";
import { SEVERITIES } from "../severity";

export const TAGS_MAX = 20;
export const TAG_MAX = 40;
export const COMMENT_MAX = 5000;
export const REVIEWERS_MAX = 20;
export const FACTORS_MAX = 30;
export const FACTOR_NAME_MAX = 60;
export const NO_ACTIONS_REASON_MAX = 2000;

const id = (what: string) =>
  z
    .number({ error: `Must be a ${what} id` })
    .int(`Must be a ${what} id`)
    .positive(`Must be a ${what} id`);

const sectionKeys = new Set<string>(SECTION_KEYS);
export const isSectionKey = (key: string): key is PostmortemSectionKey => sectionKeys.has(key);

/** Section text is kept exactly as typed (no trimming): a save must never change what someone wrote. */
const sectionText = z.string({ error: "Must be a string (markdown)" }).max(SECTION_MAX, `Must be at most ${SECTION_MAX} characters`);

/** {sectionKey: markdown}; an unknown key is named in the error, e.g. {"sections.foo": "Unknown section"}. */
export const sectionsField = z
  .record(z.string(), z.unknown(), { error: "Must be an object of {section: markdown}" })
  .superRefine((value, ctx) => {
    for (const [key, text] of Object.entries(value)) {
      if (!isSectionKey(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `Unknown section "${key}"; sections are ${SECTION_KEYS.join(", ")}` });
        continue;
      }
      const parsed = sectionText.safeParse(text);
      if (!parsed.success) ctx.addIssue({ code: "custom", path: [key], message: parsed.error.issues[0]!.message });
    }
  })
  .transform((value) => value as Partial<Record<PostmortemSectionKey, string>>);

const tag = z
  .string({ error: "Each tag must be a string" })
  .trim()
  .min(1, "Tags cannot be empty")
  .max(TAG_MAX, `Each tag must be at most ${TAG_MAX} characters`);

export const tagsField = z
  .array(tag, { error: "Must be a list of tags" })
  .max(TAGS_MAX, `At most ${TAGS_MAX} tags`)
  .transform((tags) => [...new Set(tags)]);

export const savePostmortemSchema = z.strictObject({
  version,
  sections: sectionsField.optional(),
  factorIds: z.array(id("factor"), { error: "Must be a list of factor ids" }).max(FACTORS_MAX, `At most ${FACTORS_MAX} factors`).optional(),
  tags: tagsField.optional(),
  ownerId: id("user").nullable().optional(),
  /** The owner by email instead of ownerId; null removes the owner. */
  ownerEmail: personEmailField.nullable().optional(),
  /** The explicit "no action items needed" note: a reason, or null to remove it. */
  noActionItemsReason: z
    .string({ error: "Must be a string (the reason) or null" })
    .trim()
    .min(1, "Say why no action items are needed")
    .max(NO_ACTIONS_REASON_MAX, `Must be at most ${NO_ACTIONS_REASON_MAX} characters`)
    .nullable()
    .optional(),
});
export type SavePostmortemInput = z.infer<typeof savePostmortemSchema>;

const comment = requiredTextField("Comment", COMMENT_MAX, { empty: "Comment cannot be empty" });

export const reviewerIdsField = z
  .array(id("user"), { error: "Must be a list of user ids" })
  .max(REVIEWERS_MAX, `At most ${REVIEWERS_MAX} reviewers`)
  .transform((ids) => [...new Set(ids)]);
/** Reviewers by email instead of reviewerIds. */
export const reviewerEmailsField = z
  .array(personEmailField, { error: "Must be a list of email addresses" })
  .max(REVIEWERS_MAX, `At most ${REVIEWERS_MAX} reviewers`);

export const transitionSchema = z.strictObject({
  to: z.enum(POSTMORTEM_STATUSES, { error: `Must be one of ${POSTMORTEM_STATUSES.join(", ")}` }),
  comment: comment.optional(),
  reviewerIds: reviewerIdsField.optional(),
  reviewerEmails: reviewerEmailsField.optional(),
  /** Publishing with blameless hints still in the text: the publisher has reviewed them. */
  acknowledgeHints: z.boolean({ error: "Must be true or false" }).optional(),
  version,
});
export type TransitionInput = z.infer<typeof transitionSchema>;

/** The reviewers by id or by email (one of the two). */
export const setReviewersSchema = z
  .strictObject({ reviewerIds: reviewerIdsField.optional(), reviewerEmails: reviewerEmailsField.optional() })
  .superRefine((data, ctx) => {
    if (data.reviewerIds === undefined && data.reviewerEmails === undefined)
      ctx.addIssue({ code: "custom", path: ["reviewerIds"], message: "Required: reviewerIds or reviewerEmails" });
  });

export const addCommentSchema = z.strictObject({
  section: z
    .string({ error: 'Must be a section key or "review"' })
    .refine((s) => s === "review" || isSectionKey(s), { message: `Must be one of ${[...SECTION_KEYS, "review"].join(", ")}` }),
  body: comment,
});
export type AddCommentInput = z.infer<typeof addCommentSchema>;

export const REVIEW_CHECK_KEYS = REVIEW_CHECKLIST.map((c) => c.key) as [ReviewCheckKey, ...ReviewCheckKey[]];
export const reviewCheckSchema = z.strictObject({
  key: z.enum(REVIEW_CHECK_KEYS, { error: `Must be one of ${REVIEW_CHECK_KEYS.join(", ")}` }),
  checked: z.boolean({ error: "Must be true or false" }),
});
export type ReviewCheckInput = z.infer<typeof reviewCheckSchema>;

export const regenerateTimelineSchema = z.strictObject({
  version,
  /** Every note, not only highlighted ones (status/severity changes and key times are always in). */
  includeAllNotes: z.boolean({ error: "Must be true or false" }).optional(),
});

export const LIST_POSTMORTEM_STATUSES = [...POSTMORTEM_STATUSES, "not_started"] as const;
export type ListPostmortemStatus = (typeof LIST_POSTMORTEM_STATUSES)[number];

export const listPostmortemsSchema = z.object({
  status: z.enum(LIST_POSTMORTEM_STATUSES, { error: `Must be one of ${LIST_POSTMORTEM_STATUSES.join(", ")}` }).optional(),
  q: z.string({ error: "Must be a string" }).trim().max(200, "Search text must be at most 200 characters").optional(),
  due: z.enum(["due", "overdue"], { error: "Must be due or overdue" }).optional(),
  ...pageFields,
});
export type ListPostmortemsInput = z.infer<typeof listPostmortemsSchema>;

const factorName = requiredTextField("Name", FACTOR_NAME_MAX, { missing: "Name is required" });
const factorDescription = textField("Description", 500);

export const createFactorSchema = z.strictObject({ name: factorName, description: factorDescription.optional() });
export const renameFactorSchema = z.strictObject({ name: factorName.optional(), description: factorDescription.optional() });

export const requiredSeveritiesSchema = z
  .array(z.enum(SEVERITIES, { error: `Must be one of ${SEVERITIES.join(", ")}` }), { error: "Must be a list of severities" })
  .max(SEVERITIES.length)
  .transform((list) => SEVERITIES.filter((s) => list.includes(s)));

/** `GET /api/v1/factors?includeArchived=1`. */
export const listFactorsQuerySchema = z.object({
  includeArchived: z
    .enum(["1", "true", "0", "false"], { error: "Must be true or false" })
    .transform((v) => v === "1" || v === "true")
    .optional(),
});
