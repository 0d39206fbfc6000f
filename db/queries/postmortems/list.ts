import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/policy";
import type { Severity } from "@/lib/severity";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { incidentReference } from "@/lib/validation/incident";
import { parseInput } from "@/lib/validation/parse";
import { listPostmortemsSchema, type ListPostmortemStatus } from "@/lib/validation/postmortem";
import type { PostmortemStatus } from "@/lib/postmortem-template";
import { POSTMORTEM_DUE_BUSINESS_DAYS, type PostmortemDue } from "@/lib/postmortem-due";
import { getDb } from "../../client";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { incidents, postmortems, users, type Incident } from "../../schema";
import { visibleTo } from "../../access/incidents";
import { DAY } from "../../access/slo-budgets";
import { budgetFlaggedCandidates } from "./budget-flags";
import { dueContext, dueOf } from "./due";
import { likeInsensitive, noIndex, sqlBool } from "../../dialect-sql";

export type PostmortemListItem = {
  incidentId: number;
  reference: string;
  title: string;
  severity: Severity;
  incidentStatus: Incident["status"];
  drill: boolean;
  resolvedAt: number | null;
  postmortemId: number | null;
  /** "not_started": the incident requires a postmortem and none was started yet. */
  status: PostmortemStatus | "not_started";
  ownerName: string | null;
  due: PostmortemDue;
  updatedAt: number | null;
  publishedAt: number | null;
};

const POSTMORTEM_COLUMNS = { postmortemId: postmortems.id, status: postmortems.status, updatedAt: postmortems.updatedAt, publishedAt: postmortems.publishedAt };

export type ListPostmortemsQuery = { status?: ListPostmortemStatus; q?: string; due?: "due" | "overdue"; limit?: number; cursor?: string };

/**
 * Postmortems of incidents the actor may see, plus the incidents that require one but have
 * none yet (status "not_started", with their due/overdue state), so the list shows what is
 * missing. Viewers see only published postmortems. Newest first (last edit, or resolution
 * for ones not started). `due` keeps only those whose state is exactly "due" or "overdue".
 */
export async function listPostmortems({ actor, query }: { actor: Actor; query: ListPostmortemsQuery | unknown }): Promise<{
  items: PostmortemListItem[];
  nextCursor: string | null;
}> {
  const filter = parseInput(listPostmortemsSchema, query ?? {});
  const db = getDb();
  const now = Date.now();
  const ctx = await dueContext(db, now);
  const viewer = !can(actor, "postmortem", "read-draft");
  const visible = visibleTo(actor);

  const flagged =
    viewer || filter.status === "draft" || filter.status === "in_review" || filter.status === "published"
      ? new Set<number>()
      : await budgetFlaggedCandidates(db, visible, ctx.required, now);

  // Two reads, each a page in the order of an index, merged: started postmortems by their last
  // edit (postmortems_updated_idx), required ones not started by resolution (incidents_resolved_idx).
  // One query ordered by COALESCE(edit, resolution) over the join would sort every incident.
  const common: SQL[] = [];
  if (visible) common.push(visible);
  if (filter.due) {
    common.push(sql`${incidents.resolvedAt} IS NOT NULL`);
    common.push(sql`(${postmortems.status} IS NULL OR ${postmortems.status} <> 'published')`);
    // Still "due" only within 5 business days of resolution: never more than 7 calendar days
    // (plus an hour of daylight saving); 2 days of margin keep the exact check below in charge.
    if (filter.due === "due") common.push(sql`${incidents.resolvedAt} >= ${now - ((POSTMORTEM_DUE_BUSINESS_DAYS * 7) / 5 + 2) * DAY}`);
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const ref = /^inc-(\d+)$/i.exec(filter.q);
    common.push(
      sql`(${likeInsensitive(incidents.title, pattern)} OR ${likeInsensitive(postmortems.sections, pattern)} OR ${likeInsensitive(postmortems.tags, pattern)}${
        ref ? sql` OR ${incidents.id} = ${Number(ref[1])}` : sql``
      })`,
    );
  }
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  if (filter.cursor && !cursor)
    throw new AppError("validation_failed", "cursor is not valid; use nextCursor from a previous page", { cursor: "Invalid cursor" });
  const after = (at: SQL | SQLiteColumn, id: SQLiteColumn) => (cursor ? [sql`(${at} < ${cursor.at} OR (${at} = ${cursor.at} AND ${id} < ${cursor.id}))`] : []);
  // The due state is computed below, not in SQL (business days in the organisation's zone):
  // with a due filter every candidate is read, then filtered, then cut to a page.
  const read = async (where: SQL[], order: [SQL | SQLiteColumn, SQLiteColumn]) => {
    const query = db
      .select({ incident: incidents, ...POSTMORTEM_COLUMNS, ownerName: users.name })
      .from(incidents)
      .leftJoin(postmortems, eq(postmortems.incidentId, incidents.id))
      .leftJoin(users, eq(users.id, postmortems.ownerId))
      .where(and(...common, ...where, ...after(...order)))
      .orderBy(desc(order[0]), desc(order[1]))
      .$dynamic();
    // No LIMIT with a due filter (PostgreSQL has no LIMIT -1).
    return await (filter.due ? query : query.limit(filter.limit + 1));
  };
  // Null-rejecting on postmortems: SQLite reads them first, in postmortems_updated_idx order.
  const startedWhere = [
    sql`${postmortems.id} IS NOT NULL`,
    ...(viewer ? [eq(postmortems.status, "published")] : []),
    ...(filter.status && filter.status !== "not_started" ? [eq(postmortems.status, filter.status)] : []),
  ];
  const startedRows = filter.status === "not_started" ? [] : await read(startedWhere, [postmortems.updatedAt, postmortems.incidentId]);
  // `+column`: keeps SQLite from picking the severity index and sorting; it walks resolution order instead.
  const list = (values: (string | number)[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  const requiredOrFlagged = sql`(${ctx.required.length ? sql`${noIndex(incidents.severity)} IN (${list(ctx.required)})` : sqlBool(false)} OR ${
    flagged.size ? sql`${noIndex(incidents.id)} IN (${list([...flagged])})` : sqlBool(false)
  })`;
  const notStartedRows =
    viewer || (filter.status && filter.status !== "not_started")
      ? []
      : await read(
          [sql`${postmortems.id} IS NULL`, sql`${incidents.resolvedAt} IS NOT NULL`, eq(incidents.drill, false), requiredOrFlagged],
          [incidents.resolvedAt, incidents.id],
        );
  const rows = [...startedRows.map((r) => ({ ...r, sortAt: r.updatedAt! })), ...notStartedRows.map((r) => ({ ...r, sortAt: r.incident.resolvedAt! }))].sort(
    (a, b) => b.sortAt - a.sortAt || b.incident.id - a.incident.id,
  );

  const toItem = (r: (typeof rows)[number]) => {
    const status = r.status ?? null;
    const item: PostmortemListItem & { sortAt: number } = {
      incidentId: r.incident.id,
      reference: incidentReference(r.incident.id),
      title: r.incident.title,
      severity: r.incident.severity,
      incidentStatus: r.incident.status,
      drill: r.incident.drill,
      resolvedAt: r.incident.resolvedAt,
      postmortemId: r.postmortemId ?? null,
      status: status ?? "not_started",
      ownerName: r.ownerName ?? null,
      due: dueOf(r.incident, status, flagged.has(r.incident.id), ctx),
      updatedAt: r.updatedAt ?? null,
      publishedAt: r.publishedAt ?? null,
      sortAt: r.sortAt,
    };
    return item;
  };
  // In order, only until one more than a page matches: the due state (business days in the
  // organisation's zone) is worked out for the rows a page needs, not for every candidate.
  const items: ReturnType<typeof toItem>[] = [];
  for (const r of rows) {
    const item = toItem(r);
    if (filter.due && item.due.state !== filter.due) continue;
    items.push(item);
    if (items.length > filter.limit) break;
  }
  const page = items.slice(0, filter.limit);
  const last = page[page.length - 1];
  const nextCursor = items.length > filter.limit && last ? encodeCursor({ rank: 0, at: last.sortAt, id: last.incidentId }) : null;
  return { items: page.map(({ sortAt: _s, ...item }) => item), nextCursor };
}
