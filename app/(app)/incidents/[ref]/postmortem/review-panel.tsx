"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { CheckCircle2, Send, Undo2 } from "lucide-react";
import { REVIEW_CHECKLIST, type ReviewCheckKey } from "@/lib/postmortem-template";
import type { UserRole } from "@/lib/roles";
import { LocalTime } from "@/app/components/local-time";
import { buttonClass, cardClass, errorClass, hintClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import type { PostmortemHint, PublishBlocker } from "@/lib/postmortem-publish-gate";
import { callAction, failureOf, failureText } from "@/lib/server-action";
import type { EditorPostmortem, Person } from "./editor-types";
import { HintAcknowledgement, PublishBlockers } from "./publish-gate";
import { setReviewCheckAction, setReviewersAction, transitionPostmortemAction } from "./actions";
import { CommentEntry } from "./section-comments";

type Props = {
  reference: string;
  postmortem: EditorPostmortem;
  me: { id: number; role: UserRole };
  reviewerChoices: Person[];
  canWrite: boolean;
  /** Saves pending edits first; null when a conflict or error needs the person. */
  flush: () => Promise<EditorPostmortem | null>;
  onChanged: (detail: EditorPostmortem) => void;
  /** The publish gate on what is on screen now (the server checks it again). */
  gate: { blockers: PublishBlocker[]; hints: PostmortemHint[] };
};

function ReviewerPicker({
  choices,
  selected,
  onChange,
  me,
  disabled,
}: {
  choices: Person[];
  selected: number[];
  onChange: (ids: number[]) => void;
  me: number;
  disabled: boolean;
}) {
  return (
    <fieldset disabled={disabled}>
      <legend className="text-sm font-medium">Reviewers</legend>
      <p className={hintClass}>People who read it critically and publish it: ideally someone outside the response.</p>
      <ul className="mt-1 max-h-48 space-y-0.5 overflow-y-auto rounded-md border border-zinc-200 p-1 dark:border-zinc-800">
        {choices.map((p) => (
          <li key={p.id}>
            <label className="flex min-w-0 items-start gap-2 rounded px-1.5 py-1 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800">
              <input
                type="checkbox"
                className="mt-0.5 h-4 w-4 shrink-0 rounded"
                checked={selected.includes(p.id)}
                onChange={(e) => onChange(e.target.checked ? [...selected, p.id] : selected.filter((id) => id !== p.id))}
              />
              <span className="min-w-0">
                <span className="block truncate">
                  {p.name}
                  {p.id === me ? " (you)" : ""}
                </span>
                <span className="block truncate text-xs text-zinc-500">{p.email}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Draft → in review → published: naming reviewers, the review questions, publishing, sending back. */
export function ReviewPanel({ reference, postmortem, me, reviewerChoices, canWrite, flush, onChanged, gate }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number[]>(() => postmortem.reviewers.map((r) => r.id));
  const [editingReviewers, setEditingReviewers] = useState(false);
  const [backOpen, setBackOpen] = useState(false);
  const [comment, setComment] = useState("");
  const [checks, setChecks] = useState<Partial<Record<ReviewCheckKey, boolean>>>({});
  // Controls wait for hydration: a click on the server HTML would do nothing.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const busy = pending || !hydrated;
  const isAdmin = me.role === "admin";
  const isReviewer = postmortem.reviewers.some((r) => r.id === me.id) || isAdmin;
  const ticked = (key: ReviewCheckKey) => checks[key] ?? postmortem.reviewChecklist[key] ?? false;
  const tickedCount = REVIEW_CHECKLIST.filter((c) => ticked(c.key)).length;
  const allTicked = tickedCount === REVIEW_CHECKLIST.length;
  const reviewComments = postmortem.comments.filter((c) => c.section === "review");
  // An acknowledgement covers the hints as they were when ticked: a different set asks again.
  const hintKey = gate.hints.map((h) => `${h.section}:${h.phrase}`).join("|");
  const [acknowledged, setAcknowledged] = useState<string | null>(null);
  const hintsAcknowledged = !gate.hints.length || acknowledged === hintKey;
  const blocked = gate.blockers.length > 0;
  const publishReason = blocked
    ? `Publishing is blocked: ${gate.blockers.length} required part${gate.blockers.length === 1 ? "" : "s"} missing (listed below).`
    : !allTicked
      ? `Tick every review question to publish (${tickedCount} of ${REVIEW_CHECKLIST.length} ticked).`
      : !hintsAcknowledged
        ? "Review the blameless hints below and tick the box to publish."
        : "Publishing makes it read-only, writes a timeline entry and closes the incident if it is resolved.";

  const transition = (to: "in_review" | "published" | "draft", extra: Record<string, unknown> = {}) =>
    startTransition(async () => {
      setError(null);
      const current = await flush();
      if (!current) {
        setError("Your latest edits are not saved yet (see the message above); save them first.");
        return;
      }
      const result = await callAction(
        () => transitionPostmortemAction(reference, { to, version: current.version, ...extra }),
        "Could not reach the server; nothing changed. Try again.",
      );
      if (!result.ok) {
        setError(failureText(failureOf(result)));
        if (result.code === "conflict") router.refresh();
        return;
      }
      if (result.data && typeof result.data === "object" && "version" in result.data) onChanged(result.data as EditorPostmortem);
      setBackOpen(false);
      setComment("");
      router.refresh();
    });

  const saveReviewers = () =>
    startTransition(async () => {
      const result = await callAction(() => setReviewersAction(reference, { reviewerIds: selected }), "Could not reach the server; try again.");
      if (!result.ok) return setError(result.message);
      setError(null);
      setEditingReviewers(false);
      if (result.data && typeof result.data === "object" && "version" in result.data) onChanged(result.data as EditorPostmortem);
      router.refresh();
    });

  const tick = (key: ReviewCheckKey, checked: boolean) => {
    setChecks((c) => ({ ...c, [key]: checked }));
    startTransition(async () => {
      const result = await callAction(() => setReviewCheckAction(reference, key, checked), "Could not reach the server; the tick was not saved.");
      if (!result.ok) {
        setChecks((c) => ({ ...c, [key]: !checked }));
        setError(result.message);
        return;
      }
      setError(null);
      router.refresh();
    });
  };

  const backToDraft = (
    <div className="mt-3">
      {backOpen ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!comment.trim()) return setError("Say what needs to change: the author sees this comment.");
            transition("draft", { comment });
          }}
        >
          <label htmlFor="back-to-draft-comment" className="text-sm font-medium">
            What needs to change?
          </label>
          <textarea
            id="back-to-draft-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            className={`${inputClass} mt-1`}
            required
            aria-describedby="review-error"
          />
          <div className="mt-2 flex gap-2">
            <button type="submit" className={buttonClass} disabled={busy || !comment.trim()}>
              <Undo2 aria-hidden className="h-4 w-4" /> Send back to draft
            </button>
            <button type="button" className={buttonClass} onClick={() => setBackOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className={buttonClass} onClick={() => setBackOpen(true)} disabled={busy}>
          <Undo2 aria-hidden className="h-4 w-4" /> Back to draft
        </button>
      )}
    </div>
  );

  return (
    <section aria-labelledby="review-heading" className={`${cardClass} p-4`}>
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="review-heading" className="text-sm font-semibold">
          Review
        </h2>
        <span className="min-w-0 truncate text-xs text-zinc-600 dark:text-zinc-400">
          Owner <span className="font-medium text-zinc-900 dark:text-zinc-100">{postmortem.owner?.name ?? "none"}</span>
        </span>
      </div>

      {postmortem.status === "draft" ? (
        canWrite ? (
          <div className="mt-2 space-y-3">
            <ReviewerPicker choices={reviewerChoices} selected={selected} onChange={setSelected} me={me.id} disabled={busy} />
            <button
              type="button"
              className={primaryButtonClass}
              disabled={busy || !selected.length}
              onClick={() => transition("in_review", { reviewerIds: selected })}
            >
              <Send aria-hidden className="h-4 w-4" /> Send to review
            </button>
            {!selected.length ? <p className={hintClass}>Name at least one reviewer to send it to review.</p> : null}
            <PublishBlockers id="publish-blockers" blockers={gate.blockers} />
          </div>
        ) : (
          <p className="mt-1 text-sm text-zinc-500">Draft: not sent to review yet.</p>
        )
      ) : null}

      {postmortem.status === "in_review" ? (
        <div className="mt-2">
          <p className="text-sm">
            Waiting for <span className="font-medium">{postmortem.reviewers.map((r) => r.name).join(", ") || "a reviewer"}</span>.
          </p>
          {canWrite && !editingReviewers ? (
            <button type="button" className="mt-1 text-xs text-blue-700 underline dark:text-blue-400" onClick={() => setEditingReviewers(true)}>
              Change reviewers
            </button>
          ) : null}
          {editingReviewers ? (
            <div className="mt-2 space-y-2">
              <ReviewerPicker choices={reviewerChoices} selected={selected} onChange={setSelected} me={me.id} disabled={busy} />
              <div className="flex gap-2">
                <button type="button" className={buttonClass} disabled={busy || !selected.length} onClick={saveReviewers}>
                  Save reviewers
                </button>
                <button type="button" className={buttonClass} onClick={() => setEditingReviewers(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : null}
          <fieldset className="mt-3" disabled={!isReviewer || busy}>
            <legend className="text-sm font-medium">Review questions</legend>
            {!isReviewer ? <p className={hintClass}>Only a named reviewer or an admin ticks these.</p> : null}
            <ul className="mt-1 space-y-1">
              {REVIEW_CHECKLIST.map((c) => (
                <li key={c.key}>
                  <label className="flex items-start gap-2 text-sm">
                    <input type="checkbox" className="mt-0.5 h-4 w-4 rounded" checked={ticked(c.key)} onChange={(e) => tick(c.key, e.target.checked)} />
                    <span>{c.label}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {!isReviewer ? <PublishBlockers id="publish-blockers" blockers={gate.blockers} /> : null}
          {isReviewer ? (
            <div className="mt-3">
              <button
                type="button"
                className={primaryButtonClass}
                disabled={!allTicked || blocked || !hintsAcknowledged || busy}
                aria-describedby={`publish-why${blocked ? " publish-blockers" : ""}`}
                onClick={() => transition("published", gate.hints.length ? { acknowledgeHints: true } : {})}
              >
                <CheckCircle2 aria-hidden className="h-4 w-4" /> Publish
              </button>
              <p id="publish-why" className={hintClass}>
                {publishReason}
              </p>
              <PublishBlockers id="publish-blockers" blockers={gate.blockers} />
              <HintAcknowledgement
                hints={gate.hints}
                acknowledged={acknowledged === hintKey}
                onAcknowledge={(value) => setAcknowledged(value ? hintKey : null)}
                canAcknowledge
                disabled={busy}
              />
              {backToDraft}
            </div>
          ) : null}
        </div>
      ) : null}

      {postmortem.status === "published" ? (
        <div className="mt-2 text-sm">
          <p>
            Published{postmortem.publishedBy ? ` by ${postmortem.publishedBy}` : ""}
            {postmortem.publishedAt ? (
              <>
                {" "}
                <LocalTime ms={postmortem.publishedAt} />
              </>
            ) : null}
            . It is read-only now.
          </p>
          {isAdmin ? backToDraft : null}
        </div>
      ) : null}

      <p id="review-error" className={errorClass} role="alert">
        {error ?? ""}
      </p>

      {reviewComments.length ? (
        <div className="mt-3 border-t border-zinc-200 pt-2 dark:border-zinc-800">
          <h3 className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">Review history</h3>
          <ol className="mt-1 space-y-2">
            {reviewComments.map((c) => (
              <CommentEntry key={c.id} comment={c} />
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
