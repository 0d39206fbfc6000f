import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, parentId, requiredRef, updatedAt } from "./columns";
import { contributingFactors } from "./factors";
import { incidents } from "./incidents";
import { users } from "./users";

export const postmortems = sqliteTable(
  "postmortems",
  {
    id: id(),
    incidentId: parentId("incident_id", () => incidents.id),
    status: text("status", { enum: ["draft", "in_review", "published"] }).notNull(),
    ownerId: integer("owner_id").references(() => users.id),
    // JSON {sectionKey: markdown}
    sections: text("sections").notNull().default("{}"),
    // JSON array of free-text tags
    tags: text("tags").notNull().default("[]"),
    // JSON {checkKey: true} ticked by the reviewer
    reviewChecklist: text("review_checklist").notNull().default("{}"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: integer("submitted_at"),
    publishedAt: integer("published_at"),
    publishedById: integer("published_by_id").references(() => users.id),
  },
  (t) => [uniqueIndex("postmortems_incident_unique").on(t.incidentId), index("postmortems_status_idx").on(t.status)],
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
    authorUserId: integer("author_user_id").references(() => users.id),
    authorLabel: text("author_label").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("postmortem_comments_pm_idx").on(t.postmortemId, t.createdAt)],
);
export type PostmortemComment = typeof postmortemComments.$inferSelect;
