import { getLogger } from "./logger.mjs";

/** The process-wide JSON logger (the one scripts/server.mjs writes access lines with). */
export const log = getLogger();
