/**
 * Calendar days from an incident's resolution to its postmortem deadline (5 business days,
 * Monday–Friday, wall-clock time kept: lib/business-days.ts addBusinessDays), by the local
 * weekday of the resolution (0 = Sunday … 6 = Saturday). Mon–Fri + 7, Saturday + 6 (to
 * Friday), Sunday + 5 (to Friday). SQL uses this table; a test pins it to addBusinessDays.
 */
export const DEADLINE_DAYS_BY_WEEKDAY = [5, 7, 7, 7, 7, 7, 6] as const;
