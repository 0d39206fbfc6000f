"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { MessageSquare } from "lucide-react";
import { LocalTime } from "@/app/components/local-time";
import { Markdown } from "@/app/components/markdown";
import { useSentText } from "@/app/components/use-sent-text";
import { buttonClass, errorClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { COMMENT_MAX } from "@/lib/validation/postmortem";
import { callAction } from "@/lib/server-action";
import type { EditorComment } from "./editor-types";
import { addCommentAction } from "./actions";

/** Review comments on one section: who said what, when; anyone who can see the draft may add one. */
export function SectionComments({
  reference,
  section,
  title,
  comments,
  canComment,
}: {
  reference: string;
  section: string;
  title: string;
  comments: EditorComment[];
  canComment: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { value: body, set: setBody, settle } = useSentText();
  const sending = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `comment-${section}`;
  if (!comments.length && !canComment) return null;

  const submit = () => {
    if (pending || sending.current) return;
    if (!body.trim()) {
      setError("Write a comment first");
      return;
    }
    const sent = body;
    sending.current = true;
    startTransition(async () => {
      const result = await callAction(() => addCommentAction(reference, section, sent), "Could not reach the server. Your comment is still here; try again.");
      sending.current = false;
      if (result.ok) {
        setError(null);
        // Typed on while it was saving: the box stays open with that text instead of closing under the person's fingers.
        if (!settle(sent)) setOpen(false);
        router.refresh();
      } else setError(result.fields?.body ?? result.message);
    });
  };

  return (
    <div className="mt-3">
      {comments.length ? (
        <ol aria-label={`Comments on ${title}`} className="space-y-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
          {comments.map((c) => (
            <CommentEntry key={c.id} comment={c} />
          ))}
        </ol>
      ) : null}
      {canComment ? (
        open ? (
          <form
            className="mt-2"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <label htmlFor={id} className="sr-only">
              Comment on {title}
            </label>
            <textarea
              id={id}
              rows={2}
              value={body}
              autoFocus
              maxLength={COMMENT_MAX}
              onChange={(e) => setBody(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  submit();
                }
              }}
              placeholder="A question or suggestion for the author. Markdown works."
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-error`}
              className={inputClass}
            />
            <p id={`${id}-error`} className={errorClass} aria-live="polite">
              {error ?? ""}
            </p>
            <div className="mt-1 flex gap-2">
              <button type="submit" className={primaryButtonClass} disabled={pending}>
                {pending ? "Adding…" : "Add comment"}
              </button>
              <button type="button" className={buttonClass} onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <button
            type="button"
            onClick={() => setOpen(true)}
            className="mt-2 inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-zinc-600 hover:bg-zinc-200 dark:text-zinc-400 dark:hover:bg-zinc-800"
          >
            <MessageSquare aria-hidden className="h-3.5 w-3.5" /> Comment on {title}
          </button>
        )
      ) : null}
    </div>
  );
}

/** One comment in a list: who and when, then the text. */
export function CommentEntry({ comment }: { comment: EditorComment }) {
  return (
    <li className="text-sm">
      <p className="text-xs text-zinc-500">
        <span className="font-semibold text-zinc-800 dark:text-zinc-200">{comment.authorLabel}</span> · <LocalTime ms={comment.createdAt} />
      </p>
      <Markdown>{comment.body}</Markdown>
    </li>
  );
}
