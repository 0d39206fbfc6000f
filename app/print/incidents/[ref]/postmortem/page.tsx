import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/server/auth/session";
import { AppError } from "@/lib/errors";
import { formatDuration, formatUtc } from "@/lib/format-time";
import { POSTMORTEM_STATUS_LABEL } from "@/lib/postmortem-template";
import { SEVERITY_INFO } from "@/lib/severity";
import { STATUS_INFO } from "@/lib/incident-status";
import { incidentReference, parseReference } from "@/lib/validation/incident";
import { getIncident } from "@/db/queries/incidents/detail";
import { getPostmortem } from "@/db/queries/postmortems/detail";
import { actionItemsForIncident } from "@/db/queries/action-items/read";
import { PostmortemDocument } from "@/app/(app)/incidents/[ref]/postmortem/postmortem-document";
import { PrintButton } from "./print-button";
import { requestNonce } from "@/app/request-nonce";
import { decodeSegment } from "@/lib/http/path-segment";

type Props = { params: Promise<{ ref: string }> };

// A printed page is always light, whatever theme the app uses on screen.
const forceLight = `document.documentElement.classList.remove("dark")`;
const printCss = `
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  html, body { background: #fff !important; }
  .pm-doc h2, .pm-doc h3 { break-after: avoid; page-break-after: avoid; }
  .pm-doc p, .pm-doc li, .pm-doc tr, .pm-doc blockquote, .pm-doc pre { break-inside: avoid; orphans: 3; widows: 3; }
  .pm-doc a { color: inherit; text-decoration: none; }
}
.pm-doc .prose-note { font-size: 11pt; line-height: 1.55; }
.pm-doc .prose-note h1, .pm-doc .prose-note h2, .pm-doc .prose-note h3 { margin-top: 0.9em; }
.pm-doc .prose-note > :first-child { margin-top: 0; }
`;

async function load(ref: string) {
  const actor = await requireActor();
  const decoded = decodeSegment(ref);
  const incidentId = decoded === null ? null : parseReference(decoded);
  if (!incidentId) notFound();
  try {
    const incident = await getIncident({ actor, incidentId });
    // getPostmortem enforces who may read a draft: a viewer gets a 404 AppError (mapped below).
    const postmortem = await getPostmortem({ actor, incidentId });
    if (!postmortem) notFound();
    return { incident, postmortem, actions: await actionItemsForIncident({ actor, incidentId }) };
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { incident } = await load((await params).ref);
  return { title: `Postmortem ${incidentReference(incident.id)} ${incident.title}` };
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-3 border-b border-zinc-200 py-1">
      <dt className="w-32 shrink-0 text-zinc-500">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** The postmortem as a document: no app chrome, A4 margins, Ctrl+P to PDF. */
export default async function PrintPostmortemPage({ params }: Props) {
  const { incident, postmortem, actions } = await load((await params).ref);
  const reference = incidentReference(incident.id);
  const end = incident.mitigatedAt ?? incident.resolvedAt;
  const nonce = await requestNonce();
  return (
    <div className="min-h-screen bg-white text-zinc-900 print:min-h-0">
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: forceLight }} />
      <style dangerouslySetInnerHTML={{ __html: printCss }} />
      <div className="flex items-center justify-between gap-3 border-b border-zinc-200 bg-zinc-50 px-6 py-3 font-sans text-sm print:hidden">
        <Link href={`/incidents/${reference}/postmortem`} className="text-blue-700 underline">
          ← Back to the editor
        </Link>
        <PrintButton />
      </div>
      <article className="pm-doc mx-auto max-w-[46rem] px-6 py-10 font-serif print:max-w-none print:p-0">
        <header className="border-b-2 border-zinc-900 pb-4">
          <p className="font-sans text-xs font-semibold tracking-widest text-zinc-500 uppercase">
            Postmortem · {reference}
            {postmortem.status !== "published" ? ` · ${POSTMORTEM_STATUS_LABEL[postmortem.status]}, not final` : ""}
          </p>
          <h1 className="mt-1 text-3xl leading-tight font-bold">{incident.title}</h1>
          <dl className="mt-4 font-sans text-sm">
            <Meta label="Incident">
              {reference} · {STATUS_INFO[incident.status].label}
              {incident.drill ? " · drill" : ""}
            </Meta>
            <Meta label="Severity">
              {incident.severity} · {SEVERITY_INFO[incident.severity].label}
            </Meta>
            <Meta label="Impact">
              {formatUtc(incident.startedAt)} to {end ? formatUtc(end) : "ongoing"}
              {end ? ` (${formatDuration(end - incident.startedAt)})` : ""}
            </Meta>
            {incident.services.length ? (
              <Meta label="Services">{incident.services.map((s) => `${s.name} (${s.impact.replace("_", " ")})`).join(", ")}</Meta>
            ) : null}
            <Meta label="Owner">{postmortem.owner?.name ?? "none"}</Meta>
            <Meta label="Reviewers">{postmortem.reviewers.map((r) => r.name).join(", ") || "none"}</Meta>
            <Meta label="Status">
              {POSTMORTEM_STATUS_LABEL[postmortem.status]}
              {postmortem.publishedAt ? ` ${formatUtc(postmortem.publishedAt)}${postmortem.publishedBy ? ` by ${postmortem.publishedBy}` : ""}` : ""}
            </Meta>
          </dl>
        </header>

        <PostmortemDocument
          sections={postmortem.sections}
          factors={postmortem.factors}
          tags={postmortem.tags}
          actionItems={actions.items}
          noActionItemsReason={postmortem.noActionItemsReason}
          print
          headingClass="mb-1 font-sans text-lg font-semibold"
          sectionClass="mt-7"
        />

        <footer className="mt-10 border-t border-zinc-200 pt-2 font-sans text-xs text-zinc-500">
          Exported from Hindsight {formatUtc(Date.now())} · version {postmortem.version}
        </footer>
      </article>
    </div>
  );
}
