// Why `npm run db:copy` stops: a refusal before anything was copied, or a copy whose check failed.

/** The copy cannot or must not start (bad source, bad target, target not empty…). Nothing was written. */
export class CopyRefused extends Error {}

/** A value in the source that PostgreSQL cannot hold as the schema says (a fraction in an integer column…). */
export class ValueProblem extends Error {}
