"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PostmortemSectionKey } from "@/lib/postmortem-template";
import type { ActionResult } from "@/lib/action-result";
import { callAction } from "@/lib/server-action";
import type { ConflictPart, Draft, EditorPostmortem } from "./editor-types";
import { changesSince, draftAfterSave, draftOf, hasChanges, rebaseDraft } from "./draft-merge";
import { savePostmortemAction } from "./actions";

export const AUTOSAVE_DELAY_MS = 1500;
const NETWORK_RETRY_MS = 5000;

export type SaveError = { message: string; fields?: Record<string, string> };

const OFFLINE = "Could not reach the server. Your text is kept here; saving will be retried.";

/**
 * The postmortem being edited: the person's draft on top of the last version the server
 * confirmed. Saves are explicit and automatic (debounced); a stale save (409) merges what
 * it can and hands back the parts both sides changed, so nothing typed is ever dropped.
 */
export function usePostmortemDraft({ reference, initial, canWrite }: { reference: string; initial: EditorPostmortem; canWrite: boolean }) {
  const [latest, setLatest] = useState(initial);
  const [base, setBase] = useState<Draft>(() => draftOf(initial));
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [conflicts, setConflicts] = useState<ConflictPart[]>([]);
  const [merged, setMerged] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<SaveError | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  // A draft that failed to save for a reason retrying will not fix: autosave waits for the next edit.
  const [failedDraft, setFailedDraft] = useState<Draft | null>(null);

  // Async work reads the newest values through refs, not the render it started in.
  const refs = useRef({ draft, base, latest, conflicts, inFlight: null as Promise<EditorPostmortem | null> | null });
  refs.current.draft = draft;
  refs.current.base = base;
  refs.current.latest = latest;
  refs.current.conflicts = conflicts;

  // The page's own data wins when it is at least as new (it also carries comments and review ticks).
  const shown = initial.version >= latest.version ? initial : latest;
  const readOnly = !canWrite || shown.status === "published";
  const changes = useMemo(() => changesSince(draft, base), [draft, base]);
  const dirty = hasChanges(changes);

  /** Moves the draft onto a newer saved version; parts both sides changed become conflicts. */
  const adopt = useCallback((current: EditorPostmortem) => {
    const { draft: next, conflicts: found } = rebaseDraft(refs.current.draft, refs.current.base, draftOf(current));
    const nextBase = draftOf(current);
    refs.current = { ...refs.current, draft: next, base: nextBase, latest: current };
    setLatest(current);
    setBase(nextBase);
    setDraft(next);
    if (found.length) {
      setConflicts((open) => [...open.filter((o) => !found.some((f) => sameConflictTarget(f, o))), ...found]);
      return "conflict" as const;
    }
    return "merged" as const;
  }, []);

  const save = useCallback((): Promise<EditorPostmortem | null> => {
    if (refs.current.inFlight) return refs.current.inFlight.then(() => save());
    const sent = refs.current.draft;
    const changes = changesSince(sent, refs.current.base);
    if (!hasChanges(changes)) return Promise.resolve(refs.current.latest);
    if (refs.current.conflicts.length) return Promise.resolve(null);
    setSaving(true);
    const run = (async () => {
      const result: ActionResult<EditorPostmortem> = await callAction(
        () => savePostmortemAction(reference, { version: refs.current.latest.version, ...changes }),
        OFFLINE,
      );
      if (result.ok) {
        const saved = result.data;
        const savedDraft = draftOf(saved);
        // Typing that happened while the save was in flight stays; parts untouched since take the saved (possibly normalised) value.
        // Applied to the newest state as well, so a keystroke not rendered yet when the reply lands is kept too.
        const next = draftAfterSave(refs.current.draft, sent, savedDraft);
        refs.current = { ...refs.current, draft: next, base: savedDraft, latest: saved };
        setLatest(saved);
        setBase(savedDraft);
        setDraft((d) => draftAfterSave(d, sent, savedDraft));
        setSavedAt(Date.now());
        setError(null);
        setFailedDraft(null);
        return saved;
      }
      if (result.code === "conflict" && result.details?.current) {
        setError(null);
        const outcome = adopt(result.details.current as EditorPostmortem);
        if (outcome === "merged") setMerged(true);
        return null;
      }
      setError({ message: result.message, fields: result.fields });
      setFailedDraft(sent);
      if (result.code === "network") setTimeout(() => setFailedDraft((d) => (d === sent ? null : d)), NETWORK_RETRY_MS);
      return null;
    })();
    refs.current.inFlight = run;
    return run.finally(() => {
      refs.current.inFlight = null;
      setSaving(false);
    });
  }, [reference, adopt]);

  // Autosave: shortly after typing stops; paused while a conflict is open or after a failure until the next edit.
  useEffect(() => {
    if (readOnly || !dirty || saving || conflicts.length || draft === failedDraft) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [readOnly, dirty, saving, conflicts.length, draft, failedDraft, save]);

  // Someone else's change reached the page (refresh after a transition, a regenerated timeline…).
  useEffect(() => {
    if (initial.version > refs.current.latest.version) adopt(initial);
  }, [initial, adopt]);

  // Leaving with unsaved text warns; hiding the tab saves at once.
  const unsaved = !readOnly && (dirty || saving);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const onHide = () => {
      if (document.visibilityState === "hidden" && !refs.current.conflicts.length) void save();
    };
    const onLinkClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || link.hasAttribute("download") || event.defaultPrevented) return;
      if (new URL(link.href, location.href).pathname === location.pathname) return;
      if (!window.confirm("Your latest changes are not saved yet. Leave anyway?")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("visibilitychange", onHide);
    document.addEventListener("click", onLinkClick, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("visibilitychange", onHide);
      document.removeEventListener("click", onLinkClick, true);
    };
  }, [unsaved, save]);

  const resolve = useCallback(
    (part: ConflictPart, choice: "mine" | "theirs") => {
      if (choice === "theirs") {
        setDraft((d) => {
          const next =
            part.kind === "section"
              ? { ...d, sections: { ...d.sections, [part.key]: part.theirs } }
              : part.kind === "factors"
                ? { ...d, factorIds: part.theirs }
                : { ...d, tags: part.theirs };
          refs.current.draft = next;
          return next;
        });
      }
      const rest = refs.current.conflicts.filter((c) => !sameConflictTarget(c, part));
      refs.current.conflicts = rest;
      setConflicts(rest);
      if (!rest.length) void save();
    },
    [save],
  );

  const setSection = useCallback((key: PostmortemSectionKey, text: string) => setDraft((d) => ({ ...d, sections: { ...d.sections, [key]: text } })), []);
  const setFactorIds = useCallback((factorIds: number[]) => setDraft((d) => ({ ...d, factorIds })), []);
  const setTags = useCallback((tags: string[]) => setDraft((d) => ({ ...d, tags })), []);

  return {
    postmortem: shown,
    draft,
    dirty,
    saving,
    savedAt,
    error,
    conflicts,
    merged,
    dismissMerged: () => setMerged(false),
    setSection,
    setFactorIds,
    setTags,
    save,
    adopt,
    resolve,
    /** Saves anything pending and returns the newest version, or null when a conflict or error needs the person first. */
    flush: save,
  };
}

export function sameConflictTarget(a: ConflictPart, b: ConflictPart) {
  return a.kind === b.kind && (a.kind !== "section" || (b.kind === "section" && a.key === b.key));
}

export type PostmortemDraftState = Awaited<ReturnType<typeof usePostmortemDraft>>;
