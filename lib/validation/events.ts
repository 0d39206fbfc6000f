import { z } from "zod";

const description = "The id of the last event received: the stream replays the events after it.";

/** A `Last-Event-ID` / `?lastEventId=` value: a whole number ≥ 0. */
export const lastEventIdField = z
  .string()
  .trim()
  .regex(/^\d{1,15}$/, "Must be a whole number ≥ 0")
  .meta({ description, example: "1234" });

/** The query of the event streams (the `Last-Event-ID` header, which EventSource sends on reconnect, wins). */
export const eventStreamQuerySchema = z.object({ lastEventId: lastEventIdField.optional() });
export const eventStreamHeadersSchema = z.object({ "Last-Event-ID": lastEventIdField.optional() });
