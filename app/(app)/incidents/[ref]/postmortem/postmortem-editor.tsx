"use client";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { ListTree } from "lucide-react";
import { findBlameHints, type BlameHint } from "@/lib/blameless-hints";
import { POSTMORTEM_SECTIONS, SECTION_KEYS, type PostmortemSectionKey } from "@/lib/postmortem-template";
import { postmortemHints, publishBlockers } from "@/lib/postmortem-publish-gate";
import { actionItemsSectionContent } from "@/lib/postmortem-action-items";
import type { UserRole } from "@/lib/roles";
import { buttonClass, cardClass, primaryButtonClass } from "@/app/components/ui";
import { callAction } from "@/lib/server-action";
import type { EditorPostmortem, Person } from "./editor-types";
import { usePostmortemDraft } from "./use-postmortem-draft";
import { StatusBar } from "./status-bar";
import { Outline } from "./outline";
import { SectionField } from "./section-field";
import { SectionComments } from "./section-comments";
import { ConflictBanner, ListConflict, SectionConflict } from "./conflict-view";
import { FactorsField, type FactorChoice } from "./factors-field";
import { SidePanel, type HighlightedEntry } from "./side-panel";
import { ReviewPanel } from "./review-panel";
import { PostmortemDocument } from "./postmortem-document";
import { regenerateTimelineAction } from "./actions";
import type { PaneActionItem } from "./action-items-pane";
import { TrackedActionItems } from "./tracked-action-items";
import { NoActionItemsNote } from "./no-action-items-note";

type Props = {
  reference: string;
  initial: EditorPostmortem;
  factors: FactorChoice[];
  /** Names of the incident's people: a name given as the cause is a hint too. */
  people: string[];
  me: { id: number; role: UserRole };
  reviewerChoices: Person[];
  highlighted: HighlightedEntry[];
  actionItems: React.ReactNode;
  actionCount: number;
  /** The incident's tracked action items, shown in the Action items section too. */
  actionItemList: PaneActionItem[];
  /** Responders and admins write; viewers only read a published one. */
  canWrite: boolean;
};

/** Three panes: outline, the document (one markdown field per section), and incident material. */
export function PostmortemEditor({
  reference,
  initial,
  factors,
  people,
  me,
  reviewerChoices,
  highlighted,
  actionItems,
  actionCount,
  actionItemList,
  canWrite,
}: Props) {
  const pm = usePostmortemDraft({ reference, initial, canWrite });
  const { postmortem, draft, conflicts } = pm;
  const editable = canWrite && postmortem.status !== "published";
  const [regenOpen, setRegenOpen] = useState(false);
  const [regenError, setRegenError] = useState<string | null>(null);
  const [includeAllNotes, setIncludeAllNotes] = useState(false);
  const [regenerating, startRegenerate] = useTransition();
  const regenDialog = useRef<HTMLDialogElement>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  // What is on screen: the draft while editing, the stored text once read-only (hints still count then).
  const shownSections = editable ? draft.sections : postmortem.sections;
  const hints = useMemo(
    () => Object.fromEntries(SECTION_KEYS.map((k) => [k, findBlameHints(shownSections[k], people)])) as Record<PostmortemSectionKey, BlameHint[]>,
    [shownSections, people],
  );
  const actionsContent = actionItemsSectionContent({
    text: shownSections.action_items,
    items: actionItemList,
    noActionItemsReason: postmortem.noActionItemsReason,
  });
  const gate = useMemo(
    () => ({
      blockers: publishBlockers({
        sections: shownSections,
        factorCount: editable ? draft.factorIds.length : postmortem.factors.length,
        actionItemCount: actionItemList.length,
        noActionItemsReason: postmortem.noActionItemsReason,
      }),
      hints: postmortemHints(shownSections, people),
    }),
    [shownSections, editable, draft.factorIds.length, postmortem.factors.length, actionItemList.length, postmortem.noActionItemsReason, people],
  );
  const hintCounts = useMemo(() => Object.fromEntries(SECTION_KEYS.map((k) => [k, hints[k].length])), [hints]);
  const commentsBySection = useMemo(() => {
    const map: Record<string, EditorPostmortem["comments"]> = {};
    for (const c of postmortem.comments) (map[c.section] ??= []).push(c);
    return map;
  }, [postmortem.comments]);
  const commentCounts = useMemo(() => Object.fromEntries(Object.entries(commentsBySection).map(([k, v]) => [k, v.length])), [commentsBySection]);

  const { save } = pm;
  useEffect(() => {
    if (!editable) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editable, save]);

  useEffect(() => {
    if (regenOpen && !regenDialog.current?.open) regenDialog.current?.showModal();
    if (!regenOpen && regenDialog.current?.open) regenDialog.current.close();
  }, [regenOpen]);

  const { flush, adopt } = pm;
  const regenerate = () =>
    startRegenerate(async () => {
      setRegenError(null);
      const current = await flush();
      if (!current) {
        setRegenError("Save or settle your latest edits first (see the message above).");
        return;
      }
      const result = await callAction(
        () => regenerateTimelineAction(reference, current.version, includeAllNotes),
        "Could not reach the server; nothing was replaced.",
      );
      if (!result.ok) {
        setRegenError(result.message);
        return;
      }
      adopt(result.data as EditorPostmortem);
      setRegenOpen(false);
    });

  const factorName = useCallback(
    (id: number) => factors.find((f) => f.id === id)?.name ?? postmortem.factors.find((f) => f.id === id)?.name ?? `#${id}`,
    [factors, postmortem.factors],
  );
  const listConflicts = conflicts.filter((c) => c.kind !== "section");

  const { setSection, resolve } = pm;
  const sectionsPane = editable ? (
    <>
      {POSTMORTEM_SECTIONS.map((s) => {
        const conflict = conflicts.find((c) => c.kind === "section" && c.key === s.key);
        const comments = (
          <SectionComments reference={reference} section={s.key} title={s.title} comments={commentsBySection[s.key] ?? []} canComment={canWrite} />
        );
        if (conflict && conflict.kind === "section") {
          return (
            <section key={s.key} id={`section-${s.key}`} aria-label={s.title} className="scroll-mt-32 border-b border-zinc-200 py-5 dark:border-zinc-800">
              <h2 className="mb-2 text-base font-semibold">{s.title}</h2>
              <SectionConflict
                part={conflict}
                mine={draft.sections[s.key]}
                onMine={(text) => setSection(s.key, text)}
                onResolve={(choice) => resolve(conflict, choice)}
              />
              {comments}
            </section>
          );
        }
        return (
          <SectionField
            key={s.key}
            section={s}
            value={draft.sections[s.key]}
            onChange={setSection}
            hints={hints[s.key]}
            error={pm.error?.fields?.[`sections.${s.key}`] ?? pm.error?.fields?.[s.key]}
            locked={!hydrated}
            toolbar={
              s.key === "timeline" ? (
                <button
                  type="button"
                  onClick={() => setRegenOpen(true)}
                  className="rounded px-1.5 py-0.5 text-xs text-zinc-600 underline hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
                >
                  Regenerate timeline…
                </button>
              ) : null
            }
          >
            {s.key === "action_items" ? (
              <>
                <TrackedActionItems content={actionsContent} />
                {actionItemList.length ? null : (
                  <NoActionItemsNote reference={reference} stored={postmortem.noActionItemsReason} flush={flush} onSaved={adopt} />
                )}
              </>
            ) : null}
            {comments}
          </SectionField>
        );
      })}
      <FactorsField
        factors={factors}
        selected={draft.factorIds}
        onSelected={pm.setFactorIds}
        tags={draft.tags}
        onTags={pm.setTags}
        error={pm.error?.fields?.factorIds ?? pm.error?.fields?.tags}
      />
      {listConflicts.map((c) => (
        <ListConflict
          key={c.kind}
          part={c}
          mineLabels={c.kind === "factors" ? draft.factorIds.map(factorName) : draft.tags}
          theirsLabels={c.kind === "factors" ? c.theirs.map(factorName) : c.kind === "tags" ? c.theirs : []}
          onResolve={(choice) => resolve(c, choice)}
        />
      ))}
    </>
  ) : (
    <PostmortemDocument
      sections={postmortem.sections}
      factors={postmortem.factors}
      tags={postmortem.tags}
      actionItems={actionItemList}
      noActionItemsReason={postmortem.noActionItemsReason}
      renderAfterSection={(key) =>
        commentsBySection[key]?.length || canWrite ? (
          <SectionComments
            reference={reference}
            section={key}
            title={POSTMORTEM_SECTIONS.find((s) => s.key === key)!.title}
            comments={commentsBySection[key] ?? []}
            canComment={canWrite}
          />
        ) : null
      }
    />
  );

  const outline = (
    <Outline
      sections={shownSections}
      written={{ action_items: actionsContent.written }}
      hintCounts={hintCounts}
      commentCounts={commentCounts}
      extra={[{ id: "factors", label: "Contributing factors" }]}
    />
  );

  return (
    <div>
      <StatusBar
        reference={reference}
        status={postmortem.status}
        reviewers={postmortem.reviewers}
        editable={editable}
        save={{
          saving: pm.saving,
          dirty: pm.dirty,
          conflict: conflicts.length > 0,
          error: pm.error?.message ?? null,
          savedAt: pm.savedAt,
          updatedAt: postmortem.updatedAt,
        }}
        onSave={() => void save()}
        onRegenerate={() => setRegenOpen(true)}
      />
      <div className="mt-3 space-y-2">
        <ConflictBanner conflicts={conflicts} onKeepAllMine={() => conflicts.forEach((c) => resolve(c, "mine"))} />
        {pm.merged ? (
          <p
            role="status"
            className="flex items-center justify-between gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100"
          >
            Someone else saved other parts in the meantime; their changes are merged with yours.
            <button type="button" className="text-xs underline" onClick={pm.dismissMerged}>
              Dismiss
            </button>
          </p>
        ) : null}
        {pm.error && editable ? (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            Not saved: {pm.error.message} Your text is kept here.
          </p>
        ) : null}
      </div>

      <details className="mt-3 rounded-md border border-zinc-200 bg-white lg:hidden dark:border-zinc-800 dark:bg-zinc-900">
        <summary className="flex cursor-pointer items-center gap-1.5 px-3 py-2 text-sm font-medium">
          <ListTree aria-hidden className="h-4 w-4" /> Sections
        </summary>
        <div className="px-1 pb-2">{outline}</div>
      </details>

      <div className="mt-4 grid gap-5 lg:grid-cols-[11rem_minmax(0,1fr)] xl:grid-cols-[11rem_minmax(0,1fr)_19rem]">
        <aside className="hidden lg:block">
          <div className="sticky top-32 max-h-[calc(100vh-9rem)] overflow-y-auto">{outline}</div>
        </aside>
        <div className={`${cardClass} min-w-0 px-4 sm:px-5`} aria-label="Postmortem document">
          {sectionsPane}
        </div>
        <div className="min-w-0 space-y-4 lg:col-span-2 xl:col-span-1">
          <ReviewPanel
            key={postmortem.status}
            reference={reference}
            postmortem={postmortem}
            me={me}
            reviewerChoices={reviewerChoices}
            canWrite={canWrite}
            flush={editable ? flush : async () => postmortem}
            onChanged={adopt}
            gate={gate}
          />
          <div className="xl:sticky xl:top-32">
            <SidePanel
              reference={reference}
              highlighted={highlighted}
              actionItems={actionItems}
              actionCount={actionCount}
              sections={shownSections}
              hints={hints}
              readOnly={!editable}
            />
          </div>
        </div>
      </div>

      <dialog
        ref={regenDialog}
        onClose={() => setRegenOpen(false)}
        aria-labelledby="regen-title"
        className="m-auto w-[min(28rem,92vw)] rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-2xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id="regen-title" className="text-base font-semibold">
          Regenerate the timeline?
        </h2>
        <p className="mt-2 text-sm">
          The Timeline section is rebuilt from the incident: its key times (impact started, detected, declared, acknowledged, mitigated, resolved), every status
          and severity change, and the {highlighted.length} highlighted entr{highlighted.length === 1 ? "y" : "ies"}. Anything written in that section now is
          overwritten; the other sections are not touched.
        </p>
        <label className="mt-3 flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5 h-4 w-4 rounded" checked={includeAllNotes} onChange={(e) => setIncludeAllNotes(e.target.checked)} />
          <span>
            Include all notes
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">
              Every note posted on the incident, not only highlighted ones (those are marked ★).
            </span>
          </span>
        </label>
        {regenError ? (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            {regenError}
          </p>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={() => setRegenOpen(false)}>
            Cancel
          </button>
          <button type="button" className={primaryButtonClass} disabled={regenerating} onClick={regenerate}>
            {regenerating ? "Replacing…" : "Replace Timeline section"}
          </button>
        </div>
      </dialog>
    </div>
  );
}
