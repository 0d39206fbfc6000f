import { SECTION_KEYS, type PostmortemSectionKey } from "@/lib/postmortem-template";
import type { ConflictPart, Draft, EditorPostmortem } from "./editor-types";

export const draftOf = (pm: Pick<EditorPostmortem, "sections" | "factors" | "tags">): Draft => ({
  sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, pm.sections[k] ?? ""])) as Record<PostmortemSectionKey, string>,
  factorIds: pm.factors.map((f) => f.id).sort((a, b) => a - b),
  tags: [...pm.tags],
});

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const sortedIds = (ids: number[]) => [...ids].sort((a, b) => a - b);

export type DraftChanges = { sections: Partial<Record<PostmortemSectionKey, string>>; factorIds?: number[]; tags?: string[] };

/** Only what the person changed since `base`: a save sends no more than that. */
export function changesSince(draft: Draft, base: Draft): DraftChanges {
  const sections: Partial<Record<PostmortemSectionKey, string>> = {};
  for (const key of SECTION_KEYS) if (draft.sections[key] !== base.sections[key]) sections[key] = draft.sections[key];
  const changes: DraftChanges = { sections };
  if (!sameList(sortedIds(draft.factorIds), sortedIds(base.factorIds))) changes.factorIds = sortedIds(draft.factorIds);
  if (!sameList(draft.tags, base.tags)) changes.tags = draft.tags;
  return changes;
}

export const hasChanges = (changes: DraftChanges) => Object.keys(changes.sections).length > 0 || changes.factorIds !== undefined || changes.tags !== undefined;

/**
 * Moves the person's draft onto a newer saved version (three-way, per part): parts only
 * they changed keep their text, parts only the other side changed take the other side's,
 * and parts both changed differently keep theirs *and* mine and are returned as conflicts
 * for the person to settle. Nothing typed is dropped.
 */
export function rebaseDraft(draft: Draft, base: Draft, current: Draft): { draft: Draft; conflicts: ConflictPart[] } {
  const conflicts: ConflictPart[] = [];
  const sections = { ...draft.sections };
  for (const key of SECTION_KEYS) {
    const mine = draft.sections[key];
    const ancestor = base.sections[key];
    const theirs = current.sections[key];
    if (mine === ancestor) sections[key] = theirs;
    else if (theirs !== ancestor && theirs !== mine) conflicts.push({ kind: "section", key, theirs });
  }
  const pick = <T>(mine: T[], ancestor: T[], theirs: T[], same: (a: T[], b: T[]) => boolean, conflict: () => ConflictPart): T[] => {
    if (same(mine, ancestor)) return theirs;
    if (!same(theirs, ancestor) && !same(theirs, mine)) conflicts.push(conflict());
    return mine;
  };
  const sameIds = (a: number[], b: number[]) => sameList(sortedIds(a), sortedIds(b));
  const factorIds = pick(draft.factorIds, base.factorIds, current.factorIds, sameIds, () => ({ kind: "factors", theirs: current.factorIds }));
  const tags = pick(draft.tags, base.tags, current.tags, sameList, () => ({ kind: "tags", theirs: current.tags }));
  return { draft: { sections, factorIds, tags }, conflicts };
}

/**
 * The draft after a save of `sent` returned `saved`: parts untouched since the save was sent
 * take the saved (possibly normalised) value; parts typed into while it was in flight keep
 * the typing, which then differs from the new base and is saved next.
 */
export function draftAfterSave(now: Draft, sent: Draft, saved: Draft): Draft {
  return {
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, now.sections[k] === sent.sections[k] ? saved.sections[k] : now.sections[k]])) as Record<
      PostmortemSectionKey,
      string
    >,
    factorIds: now.factorIds === sent.factorIds ? saved.factorIds : now.factorIds,
    tags: now.tags === sent.tags ? saved.tags : now.tags,
  };
}
