import { z } from "zod";
import { SEVERITIES } from "@/lib/severity";
import { AUTO_CHECKS } from "@/lib/checklist-auto";
import { isoInstant } from "./common";

/** Responses of toPlaybookJson (server/api/json/playbook.ts). */
export const playbookSchema = z
  .strictObject({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    severities: z.array(z.enum(SEVERITIES)),
    services: z.array(z.strictObject({ slug: z.string(), name: z.string() })),
    enabled: z.boolean(),
    version: z.number().int(),
    items: z.array(z.strictObject({ position: z.number().int(), text: z.string(), link: z.string().nullable(), autoCheck: z.enum(AUTO_CHECKS).nullable() })),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({ id: "Playbook" });
