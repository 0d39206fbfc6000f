import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, parentId, ref, requiredRef, updatedAt, version } from "./columns";
import { contributingFactors } from "./factors";
import { incidents } from "./incidents";
import { users } from "./users";

export const postmortems = sqliteTable(
  "postmortems",
  {
    id: id(),
    incidentId: parentId("incident_id", () => incidents.id),
    status: text("status", { enum: ["draft", "in_review", "published"] }).notNull(),
    ownerId: ref("owner_id", () => users.id),
    // JSON {sectionKey: markdown}
    sections: text("sections").notNull().default("{}"),
    // JSON array of free-text tags
    tags: text("tags").notNull().default("[]"),
    // JSON {checkKey: true} ticked by the reviewer
    reviewChecklist: text("review_checklist").notNull().default("{}"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: integer("submitted_at"),
    publishedAt: integer("published_at"),
    publishedById: ref("published_by_id", () => users.id),
  },
  (t) => [
    uniqueIndex("postmortems_incident_unique").on(t.incidentId),
    // The postmortem list, last edited first, all or of one status: a page read in order (db/queries/postmortems/list.ts).
    index("postmortems_status_idx").on(t.status, t.updatedAt, t.incidentId),
    index("postmortems_updated_idx").on(t.updatedAt, t.incidentId),
  ],
);
export type Postmortem = typeof postmortems.$inferSelect;

export const postmortemFactors = sqliteTable(
  "postmortem_factors",
  {
    postmortemId: parentId("postmortem_id", () => postmortems.id),
    factorId: requiredRef("factor_id", () => contributingFactors.id),
  },
  (t) => [primaryKey({ columns: [t.postmortemId, t.factorId] }), index("postmortem_factors_factor_idx").on(t.factorId)],
);

export const postmortemReviewers = sqliteTable(
  "postmortem_reviewers",
  {
    postmortemId: parentId("postmortem_id", () => postmortems.id),
    userId: requiredRef("user_id", () => users.id),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.postmortemId, t.userId] })],
);

export const postmortemComments = sqliteTable(
  "postmortem_comments",
  {
    id: id(),
    postmortemId: parentId("postmortem_id", () => postmortems.id),
    // Section key, or "review" for a comment sent with a transition.
    section: text("section").notNull(),
    body: text("body").notNull(),
    authorUserId: ref("author_user_id", () => users.id),
    authorLabel: text("author_label").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("postmortem_comments_pm_idx").on(t.postmortemId, t.createdAt)],
);
export type PostmortemComment = typeof postmortemComments.$inferSelect;
