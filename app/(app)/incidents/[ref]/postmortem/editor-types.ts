import type { PostmortemSectionKey, PostmortemStatus, ReviewCheckKey } from "@/lib/postmortem-template";

// What the editor needs of a postmortem: the serialisable shape of the data layer's PostmortemDetail.

export type Person = { id: number; name: string; email: string };

export type EditorComment = { id: number; section: string; body: string; authorLabel: string; createdAt: number };

export type EditorPostmortem = {
  id: number;
  incidentId: number;
  status: PostmortemStatus;
  version: number;
  owner: Person | null;
  sections: Record<PostmortemSectionKey, string>;
  factors: { id: number; name: string }[];
  tags: string[];
  reviewers: Person[];
  reviewChecklist: Record<ReviewCheckKey, boolean>;
  comments: EditorComment[];
  updatedAt: number;
  publishedAt: number | null;
  publishedBy: string | null;
  noActionItemsReason: string | null;
};

/** What the person is editing: only these travel in a save. */
export type Draft = {
  sections: Record<PostmortemSectionKey, string>;
  factorIds: number[];
  tags: string[];
};

/** A part both sides changed differently since the version the person started from. */
export type ConflictPart =
  | { kind: "section"; key: PostmortemSectionKey; theirs: string }
  | { kind: "factors"; theirs: number[] }
  | { kind: "tags"; theirs: string[] };
