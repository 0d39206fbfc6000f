import { z } from "zod";

/** Path parameters as the routes read them (a value that does not parse is a 404, like a missing resource). */

const wholeId = (what: string) =>
  z
    .string()
    .regex(/^\d{1,12}$/)
    .meta({ description: `The ${what} id (a positive whole number).`, example: "7" });

export const incidentRefParam = z
  .string()
  .regex(/^[Ii][Nn][Cc]-\d{1,12}$/)
  .meta({ description: "The incident reference.", example: "INC-42" });
export const serviceSlugParam = z.string().meta({ description: "The service slug.", example: "payments-api" });

export const incidentPath = z.object({ ref: incidentRefParam });
export const timelineEntryPath = z.object({ ref: incidentRefParam, id: wholeId("timeline entry") });
export const incidentServicePath = z.object({ ref: incidentRefParam, slug: serviceSlugParam });
export const incidentSloPath = z.object({ ref: incidentRefParam, sloId: wholeId("SLO") });
export const servicePath = z.object({ slug: serviceSlugParam });
/** `{id}` paths: action items, checklist items, SLOs, playbooks… */
export const idPath = (what: string) => z.object({ id: wholeId(what) });
