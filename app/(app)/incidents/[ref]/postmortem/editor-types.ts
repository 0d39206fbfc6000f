import type { PostmortemSectionKey } from "@/lib/postmortem-template";
import type { PostmortemCommentView, PostmortemDetail, PostmortemPerson } from "@/db/queries/postmortems/detail";

// What the editor holds of a postmortem: the data layer's PostmortemDetail, as server actions return it
// (plain numbers and strings, so it crosses to the client unchanged). A field added there shows up here.

export type EditorPostmortem = PostmortemDetail;
export type Person = PostmortemPerson;
export type EditorComment = PostmortemCommentView;

/** What the person is editing: only these travel in a save. */
export type Draft = {
  sections: Record<PostmortemSectionKey, string>;
  factorIds: number[];
  tags: string[];
};

/** A part both sides changed differently since the version the person started from. */
export type ConflictPart =
  { kind: "section"; key: PostmortemSectionKey; theirs: string } | { kind: "factors"; theirs: number[] } | { kind: "tags"; theirs: string[] };
