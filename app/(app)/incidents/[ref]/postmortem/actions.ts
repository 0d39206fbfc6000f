"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { AppError, notFound } from "@/lib/errors";
import { parseReference } from "@/lib/validation/incident";
import type { ReviewCheckKey } from "@/lib/postmortem-template";
import { addComment } from "@/db/commands/postmortems/comments";
import { regenerateTimelineSection } from "@/db/commands/postmortems/regenerate-timeline";
import { savePostmortem } from "@/db/commands/postmortems/save";
import { startPostmortem } from "@/db/commands/postmortems/start";
import { setReviewCheck, setReviewers } from "@/db/commands/postmortems/reviewers";
import { transitionPostmortem } from "@/db/commands/postmortems/review";

// Each action is a public endpoint: it re-reads the person, and the data functions check roles and visibility.

function incidentIdOf(ref: string): number {
  const id = parseReference(String(ref));
  if (!id) throw notFound();
  return id;
}

function revalidate(ref: string) {
  revalidatePath(`/incidents/${ref}`);
  revalidatePath(`/incidents/${ref}/postmortem`);
  revalidatePath("/postmortems");
}

/** Form action for "Start postmortem" buttons: creates it (or finds the one already started) and opens the editor. */
export async function startPostmortemAction(formData: FormData) {
  const actor = await requireActor();
  const ref = String(formData.get("reference") ?? "");
  const incidentId = incidentIdOf(ref);
  try {
    await startPostmortem({ actor, incidentId });
  } catch (error) {
    // Someone started it a moment ago: open theirs.
    if (!(error instanceof AppError && error.code === "conflict")) throw error;
  }
  revalidate(ref);
  redirect(`/incidents/${ref}/postmortem`);
}

export async function savePostmortemAction(ref: string, input: Record<string, unknown>) {
  const actor = await requireActor();
  // No revalidation: the editor keeps the returned state, and a refresh per keystroke pause would be wasteful.
  return actionResult(() => savePostmortem({ actor, incidentId: incidentIdOf(ref), input }));
}

export async function regenerateTimelineAction(ref: string, version: number, includeAllNotes = false) {
  const actor = await requireActor();
  return actionResult(() =>
    regenerateTimelineSection({ actor, incidentId: incidentIdOf(ref), version: Number(version), includeAllNotes: includeAllNotes === true }),
  );
}

export async function transitionPostmortemAction(ref: string, input: Record<string, unknown>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const result = await transitionPostmortem({ actor, incidentId: incidentIdOf(ref), input });
    revalidate(ref);
    revalidatePath("/incidents");
    return result;
  });
}

export async function setReviewersAction(ref: string, input: Record<string, unknown>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const result = await setReviewers({ actor, incidentId: incidentIdOf(ref), input });
    revalidate(ref);
    return result;
  });
}

export async function setReviewCheckAction(ref: string, key: string, checked: boolean) {
  const actor = await requireActor();
  return actionResult(async () => {
    const result = await setReviewCheck({ actor, incidentId: incidentIdOf(ref), key: key as ReviewCheckKey, checked: checked === true });
    revalidatePath(`/incidents/${ref}/postmortem`);
    return result;
  });
}

export async function addCommentAction(ref: string, section: string, body: string) {
  const actor = await requireActor();
  return actionResult(async () => {
    const result = await addComment({ actor, incidentId: incidentIdOf(ref), section: String(section), body: String(body) });
    revalidatePath(`/incidents/${ref}/postmortem`);
    return result;
  });
}
