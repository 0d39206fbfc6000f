import { POSTMORTEM_SECTIONS, type PostmortemSectionKey } from "@/lib/postmortem-template";
import { actionItemsSectionContent } from "@/lib/postmortem-action-items";
import { Markdown } from "@/app/components/markdown";
import type { PaneActionItem } from "./action-items-pane";
import { TrackedActionItems } from "./tracked-action-items";

/** The postmortem as a document: every section as rendered markdown (action items with the tracked ones), then factors and tags. */
export function PostmortemDocument({
  sections,
  factors,
  tags,
  actionItems,
  noActionItemsReason,
  print = false,
  headingClass = "text-base font-semibold",
  sectionClass = "border-b border-zinc-200 py-5 first:pt-2 last:border-b-0 dark:border-zinc-800",
  renderAfterSection,
}: {
  sections: Record<PostmortemSectionKey, string>;
  factors: { id: number; name: string }[];
  tags: string[];
  actionItems: PaneActionItem[];
  noActionItemsReason: string | null;
  print?: boolean;
  headingClass?: string;
  sectionClass?: string;
  renderAfterSection?: (key: PostmortemSectionKey) => React.ReactNode;
}) {
  const actions = actionItemsSectionContent({ text: sections.action_items, items: actionItems, noActionItemsReason });
  const notWritten = <p className="text-sm text-zinc-500 italic">Not written.</p>;
  return (
    <>
      {POSTMORTEM_SECTIONS.map((s) => (
        <section key={s.key} id={`section-${s.key}`} aria-labelledby={`doc-${s.key}`} className={`scroll-mt-32 ${sectionClass}`}>
          <h2 id={`doc-${s.key}`} className={headingClass}>
            {s.title}
          </h2>
          {s.key === "action_items" ? (
            actions.written ? (
              <>
                {actions.text ? <Markdown>{actions.text}</Markdown> : null}
                <TrackedActionItems content={actions} print={print} />
              </>
            ) : (
              notWritten
            )
          ) : sections[s.key]?.trim() ? (
            <Markdown>{sections[s.key]}</Markdown>
          ) : (
            notWritten
          )}
          {renderAfterSection?.(s.key)}
        </section>
      ))}
      <section id="factors" aria-labelledby="doc-factors" className={`scroll-mt-32 ${sectionClass}`}>
        <h2 id="doc-factors" className={headingClass}>
          Contributing factors
        </h2>
        {factors.length || tags.length ? (
          <ul className="mt-1 flex flex-wrap gap-1.5 text-sm">
            {factors.map((f) => (
              <li key={f.id} className="rounded border border-zinc-300 px-1.5 py-0.5 dark:border-zinc-700">
                {f.name}
              </li>
            ))}
            {tags.map((t) => (
              <li key={t} className="rounded-full bg-zinc-200 px-2 py-0.5 text-xs dark:bg-zinc-800">
                #{t}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-500 italic">None recorded.</p>
        )}
      </section>
    </>
  );
}
