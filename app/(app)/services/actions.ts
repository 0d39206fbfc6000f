"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { validationFailed } from "@/lib/errors";
import { createService, updateService } from "@/db/commands/catalogue/services";
import { createSlo, deleteSlo, updateSlo } from "@/db/commands/catalogue/slos";

// Each action is a public endpoint: it re-reads the actor, and the data functions check the role
// (admins change anything, responders only a service's description and links).

/** What the service form sends: text as typed. Only the fields the form showed are present. */
export type ServiceFormInput = {
  slug?: string;
  name?: string;
  description?: string;
  teamId?: string;
  tier?: string;
  runbookUrl?: string;
  links?: { label: string; url: string }[];
};

export type SloFormInput = { name: string; sliDescription: string; objective: string; windowDays: string };

const text = (value: unknown) => (typeof value === "string" ? value : "");
/** "" → undefined (the schema says what is missing); anything else as a number, NaN included. */
const numberOrUndefined = (value: unknown) => {
  const raw = text(value).trim().replace(/%$/, "").replace(",", ".").trim();
  return raw === "" ? undefined : Number(raw);
};

function serviceInput(form: ServiceFormInput): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if ("slug" in form) input.slug = text(form.slug);
  if ("name" in form) input.name = text(form.name);
  if ("description" in form) input.description = text(form.description);
  if ("teamId" in form) input.teamId = text(form.teamId) === "" ? null : Number(form.teamId);
  if ("tier" in form) input.tier = numberOrUndefined(form.tier);
  if ("runbookUrl" in form) input.runbookUrl = text(form.runbookUrl).trim() === "" ? null : text(form.runbookUrl);
  if ("links" in form) input.links = Array.isArray(form.links) ? form.links.map((l) => ({ label: text(l?.label), url: text(l?.url) })) : form.links;
  return input;
}

function sloInput(form: SloFormInput, { create }: { create: boolean }): Record<string, unknown> {
  const windowDays = numberOrUndefined(form?.windowDays);
  return {
    name: text(form?.name),
    sliDescription: text(form?.sliDescription),
    objective: numberOrUndefined(form?.objective),
    ...(windowDays === undefined && create ? {} : { windowDays }),
  };
}

function idOf(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) throw validationFailed({ [field]: "Unknown item" });
  return value;
}

export async function createServiceAction(form: ServiceFormInput) {
  const actor = await requireActor();
  return actionResult(async () => {
    const service = await createService({ actor, input: serviceInput(form) });
    revalidatePath("/services");
    return { slug: service.slug };
  });
}

export async function updateServiceAction(slug: string, version: number, form: ServiceFormInput) {
  const actor = await requireActor();
  return actionResult(async () => {
    const service = await updateService({ actor, slug: text(slug), input: { ...serviceInput(form), version } });
    revalidatePath("/services");
    revalidatePath(`/services/${service.slug}`);
    return { slug: service.slug, version: service.version };
  });
}

export async function createSloAction(slug: string, form: SloFormInput) {
  const actor = await requireActor();
  return actionResult(async () => {
    const slo = await createSlo({ actor, slug: text(slug), input: sloInput(form, { create: true }) });
    revalidatePath(`/services/${slug}`);
    return { id: slo.id };
  });
}

export async function updateSloAction(slug: string, sloId: number, version: number, form: SloFormInput) {
  const actor = await requireActor();
  return actionResult(async () => {
    const slo = await updateSlo({ actor, id: idOf(sloId, "slo"), input: { ...sloInput(form, { create: false }), version } });
    revalidatePath(`/services/${slug}`);
    return { id: slo.id, version: slo.version };
  });
}

export async function deleteSloAction(slug: string, sloId: number) {
  const actor = await requireActor();
  return actionResult(async () => {
    await deleteSlo({ actor, id: idOf(sloId, "slo") });
    revalidatePath(`/services/${slug}`);
  });
}
