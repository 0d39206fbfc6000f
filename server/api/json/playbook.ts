import type { ChecklistItem, Playbook } from "@/db/schema";
import { isoOrNull } from "./incident";

/** The public API shapes (`/api/v1`) of checklist items and playbooks: ISO times, playbook by name. */

export type ChecklistItemJson = {
  id: number;
  text: string;
  link: string | null;
  playbook: string;
  position: number;
  done: boolean;
  doneAt: string | null;
  doneBy: string | null;
  /** The condition that ticks it by itself, if any. */
  autoCheck: string | null;
};

export function toChecklistItemJson(item: ChecklistItem): ChecklistItemJson {
  return {
    id: item.id,
    text: item.text,
    link: item.link,
    playbook: item.playbookName,
    position: item.position,
    done: item.doneAt !== null,
    doneAt: isoOrNull(item.doneAt),
    doneBy: item.doneByLabel,
    autoCheck: item.autoCheck,
  };
}

export function toChecklistJson(items: ChecklistItem[]) {
  return {
    items: items.map(toChecklistItemJson),
    progress: { done: items.filter((i) => i.doneAt !== null).length, total: items.length },
  };
}

type PlaybookLike = Omit<Playbook, "severities"> & {
  severities: string[];
  serviceIds: number[];
  services: { id: number; slug: string; name: string }[];
  items: { position: number; text: string; link: string | null; autoCheck: string | null }[];
};

export function toPlaybookJson(p: PlaybookLike) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    severities: p.severities,
    services: p.services.map(({ slug, name }) => ({ slug, name })),
    enabled: p.enabled,
    version: p.version,
    items: p.items.map(({ position, text, link, autoCheck }) => ({ position, text, link, autoCheck })),
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt).toISOString(),
  };
}

export type ChecklistJson = Awaited<ReturnType<typeof toChecklistJson>>;
export type PlaybookJson = Awaited<ReturnType<typeof toPlaybookJson>>;
