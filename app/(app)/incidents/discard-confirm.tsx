"use client";
import { useEffect, useRef } from "react";
import { buttonClass, dangerButtonClass } from "@/app/components/ui";

/**
 * Asked inside the declare dialog (not window.confirm) before typed text is thrown away.
 * "Keep editing" has the focus, so a second Enter or Esc never loses anything.
 */
export function DiscardConfirm({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="absolute inset-0 z-10 flex items-center justify-center bg-white/70 p-4 backdrop-blur-[1px] dark:bg-zinc-950/70">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="discard-title"
        aria-describedby="discard-body"
        className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-4 shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
      >
        <h3 id="discard-title" className="text-base font-semibold">
          Discard this incident?
        </h3>
        <p id="discard-body" className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          What you typed has not been declared yet and will be lost.
        </p>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <button ref={keep} type="button" className={buttonClass} onClick={onKeep}>
            Keep editing
          </button>
          <button type="button" className={dangerButtonClass} onClick={onDiscard}>
            Discard
          </button>
        </div>
      </div>
    </div>
  );
}
