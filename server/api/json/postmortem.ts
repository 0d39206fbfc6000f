import type { PostmortemSectionKey, PostmortemStatus, ReviewCheckKey } from "../../../lib/postmortem-template";
import type { PostmortemDueState } from "../../../lib/postmortem-due";
import type { PostmortemDetail } from "@/db/queries/postmortems/detail";
import { isoOrNull } from "./incident";
import { incidentReference } from "../../../lib/validation/incident";

/** The public API shape of postmortems (`/api/v1`): incident by reference, ISO times, people with id, name and email. */

type Person = { id: number; name: string; email: string };
type Due = { state: PostmortemDueState; dueAt: number | null };

/** What toPostmortemJson reads: the data layer's postmortem detail (a field added there reaches the serializer's input). */
export type { PostmortemDetail };

export type PostmortemCommentJson = { id: number; section: string; body: string; author: string; createdAt: string };

export type PostmortemJson = {
  id: number;
  incident: string;
  status: PostmortemStatus;
  version: number;
  owner: Person | null;
  sections: Record<PostmortemSectionKey, string>;
  factors: { id: number; name: string }[];
  tags: string[];
  reviewers: Person[];
  reviewChecklist: Record<ReviewCheckKey, boolean>;
  comments: PostmortemCommentJson[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  /** The explicit "no action items needed" note (publishing needs it or a tracked action item). */
  noActionItemsReason: string | null;
  due: { state: PostmortemDueState; dueAt: string | null };
};

const person = (p: Person | null): Person | null => (p ? { id: p.id, name: p.name, email: p.email } : null);

export function toPostmortemCommentJson(c: PostmortemDetail["comments"][number]): PostmortemCommentJson {
  return { id: c.id, section: c.section, body: c.body, author: c.authorLabel, createdAt: new Date(c.createdAt).toISOString() };
}

export function toPostmortemJson(pm: PostmortemDetail): PostmortemJson {
  return {
    id: pm.id,
    incident: incidentReference(pm.incidentId),
    status: pm.status,
    version: pm.version,
    owner: person(pm.owner),
    sections: { ...pm.sections },
    factors: pm.factors.map((f) => ({ id: f.id, name: f.name })),
    tags: [...pm.tags],
    reviewers: pm.reviewers.map((r) => person(r)!),
    reviewChecklist: { ...pm.reviewChecklist },
    comments: pm.comments.map(toPostmortemCommentJson),
    createdAt: new Date(pm.createdAt).toISOString(),
    updatedAt: new Date(pm.updatedAt).toISOString(),
    submittedAt: isoOrNull(pm.submittedAt),
    publishedAt: isoOrNull(pm.publishedAt),
    publishedBy: pm.publishedBy,
    noActionItemsReason: pm.noActionItemsReason,
    due: { state: pm.due.state, dueAt: isoOrNull(pm.due.dueAt) },
  };
}

/** What toPostmortemListItemJson reads: PostmortemListItem fits it. */
export type PostmortemListItemLike = {
  incidentId: number;
  reference: string;
  title: string;
  severity: string;
  incidentStatus: string;
  drill: boolean;
  resolvedAt: number | null;
  postmortemId: number | null;
  status: PostmortemStatus | "not_started";
  ownerName: string | null;
  due: Due;
  updatedAt: number | null;
  publishedAt: number | null;
};

export type PostmortemListItemJson = {
  incident: { reference: string; title: string; severity: string; status: string; drill: boolean; resolvedAt: string | null };
  postmortemId: number | null;
  status: PostmortemStatus | "not_started";
  owner: string | null;
  due: { state: PostmortemDueState; dueAt: string | null };
  updatedAt: string | null;
  publishedAt: string | null;
};

export function toPostmortemListItemJson(item: PostmortemListItemLike): PostmortemListItemJson {
  return {
    incident: {
      reference: item.reference,
      title: item.title,
      severity: item.severity,
      status: item.incidentStatus,
      drill: item.drill,
      resolvedAt: isoOrNull(item.resolvedAt),
    },
    postmortemId: item.postmortemId,
    status: item.status,
    owner: item.ownerName,
    due: { state: item.due.state, dueAt: isoOrNull(item.due.dueAt) },
    updatedAt: isoOrNull(item.updatedAt),
    publishedAt: isoOrNull(item.publishedAt),
  };
}
