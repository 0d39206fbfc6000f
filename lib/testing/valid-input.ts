// Arbitraries for input every request validator must accept: shared by the validator property
// tests and the generated HTTP bad-input suite (which breaks one field of a valid body at a time).
import fc from "fast-check";
import { SEVERITIES } from "../severity";
import { STATUSES } from "../incident-status";
import { IMPACT_LEVELS } from "../error-budget";
import { ACTION_STATUSES, KINDS, PRIORITIES } from "../action-items";
import { AUTO_CHECKS } from "../checklist-auto";
import { POSTMORTEM_STATUSES, REVIEW_CHECKLIST, SECTION_KEYS } from "../postmortem-template";
import { USER_ROLES } from "../roles";

const REVIEW_KEYS = REVIEW_CHECKLIST.map((c) => c.key);

/** Text of `min`..`max` UTF-16 code units after trimming, any script (lone surrogates included). */
export function text(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: "binary", minLength: min, maxLength: Math.max(min, Math.floor(max / 2)) }))
    .map((s) => s.trim())
    .filter((s) => s.length >= min && s.length <= max);
}

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops undefined values, so an optional field is absent rather than `undefined`. */
function record<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) {
  return fc.record(fields).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Record<string, unknown>);
}

export const severity = fc.constantFrom(...SEVERITIES);
export const positiveId = fc.integer({ min: 1, max: 2 ** 31 });
export const version = fc.integer({ min: 1, max: 1_000_000 });
const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
export const email = fc.tuple(word, word).map(([user, host]) => `${user}@${host}.example`);
export const slug = fc.stringMatching(/^[a-z0-9]{2,20}(-[a-z0-9]{1,10}){0,3}$/);
export const httpUrl = fc
  .tuple(fc.constantFrom("http", "https"), word, fc.stringMatching(/^[a-z0-9/_-]{0,30}$/))
  .map(([scheme, host, path]) => `${scheme}://${host}.example/${path}`);

const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2099, 11, 31);
/** An ISO-8601 date-time with a zone, as Z or as an offset. */
export const isoDateTime = fc.tuple(fc.integer({ min: MIN_MS, max: MAX_MS }), fc.constantFrom("Z", "+02:00", "-0530", "+00:00")).map(([ms, zone]) => {
  const iso = new Date(ms).toISOString();
  return zone === "Z" ? iso : iso.replace("Z", zone);
});
/** A calendar day "YYYY-MM-DD" from 2000 to 2099. */
export const calendarDay = fc.integer({ min: MIN_MS, max: MAX_MS }).map((ms) => new Date(ms).toISOString().slice(0, 10));

export const declareIncident = record({
  title: text(1, 200),
  severity,
  summary: optional(text(0, 2_000)),
  startedAt: optional(isoDateTime),
  detectedAt: optional(isoDateTime),
  private: optional(fc.boolean()),
  drill: optional(fc.boolean()),
  services: optional(fc.array(fc.record({ service: slug, impact: fc.constantFrom(...IMPACT_LEVELS) }), { maxLength: 3 })),
});

export const updateIncident = record({
  version,
  title: optional(text(1, 200)),
  summary: optional(text(0, 500)),
  severity: optional(severity),
  private: optional(fc.boolean()),
  commanderEmail: optional(fc.option(email, { nil: null })),
  startedAt: optional(isoDateTime),
  resolvedAt: optional(fc.option(isoDateTime, { nil: null })),
}).chain((base) =>
  // A message goes with a status change.
  fc.oneof(
    fc.constant(base),
    record({ status: fc.constantFrom(...STATUSES), message: optional(text(0, 2_000)) }).map((extra) => ({ ...base, ...extra })),
  ),
);

export const addNote = record({ body: text(1, 2_000), occurredAt: optional(isoDateTime), highlighted: optional(fc.boolean()) });
export const highlightEntry = record({ highlighted: fc.boolean() });

export const listIncidentsQuery = record({
  status: optional(fc.constantFrom(...STATUSES, "active", "inactive")),
  severity: optional(fc.subarray([...SEVERITIES], { minLength: 1 }).map((s) => s.join(","))),
  q: optional(text(0, 200)),
  limit: optional(fc.integer({ min: 1, max: 200 }).map(String)),
  service: optional(slug),
  team: optional(positiveId.map(String)),
  drill: optional(fc.constantFrom("0", "1")),
}).chain((base) =>
  fc.oneof(
    fc.constant(base),
    fc.tuple(calendarDay, calendarDay).map(([a, b]) => ({ ...base, from: a < b ? a : b, to: a < b ? b : a })),
  ),
);

const owner = fc.oneof(
  positiveId.map((ownerId) => ({ ownerId })),
  email.map((ownerEmail) => ({ ownerEmail })),
);
export const createActionItem = fc
  .tuple(
    record({
      title: text(1, 200),
      description: optional(text(0, 1_000)),
      dueDate: optional(calendarDay),
      priority: fc.constantFrom(...PRIORITIES),
      kind: fc.constantFrom(...KINDS),
      status: optional(fc.constantFrom(...ACTION_STATUSES)),
      trackerUrl: optional(fc.oneof(httpUrl, fc.constant(""), fc.constant(null))),
    }),
    owner,
    fc.oneof(
      fc.constant({}),
      fc.option(positiveId, { nil: null }).map((serviceId) => ({ serviceId })),
      fc.option(slug, { nil: null }).map((service) => ({ service })),
    ),
  )
  .map(([base, who, service]) => ({ ...base, ...who, ...service }));

export const updateActionItem = record({
  version,
  title: optional(text(1, 200)),
  dueDate: optional(calendarDay),
  priority: optional(fc.constantFrom(...PRIORITIES)),
  status: optional(fc.constantFrom(...ACTION_STATUSES)),
  ownerEmail: optional(email),
});

const commaList = <T extends string>(values: readonly T[]) => fc.subarray([...values], { minLength: 1 }).map((list) => list.join(","));
export const listActionItemsQuery = record({
  owner: optional(fc.oneof(fc.constant("me"), positiveId.map(String), email)),
  team: optional(positiveId.map(String)),
  service: optional(slug),
  status: optional(commaList(ACTION_STATUSES)),
  priority: optional(commaList(PRIORITIES)),
  overdue: optional(fc.constantFrom("1", "true", "0", "false")),
  incident: optional(positiveId.map((id) => `INC-${id}`)),
  sort: optional(fc.constantFrom("due", "-due")),
  limit: optional(fc.integer({ min: 1, max: 200 }).map(String)),
});

const playbookItem = record({
  text: text(1, 500),
  link: optional(fc.oneof(httpUrl, fc.constant(""), fc.constant(null))),
  autoCheck: optional(fc.oneof(fc.constantFrom(...AUTO_CHECKS), fc.constant(null))),
});
export const createPlaybook = record({
  name: text(1, 100),
  description: optional(text(0, 500)),
  severities: optional(fc.array(severity, { maxLength: 6 })),
  serviceIds: optional(fc.array(positiveId, { maxLength: 10 })),
  enabled: optional(fc.boolean()),
  items: fc.array(playbookItem, { minLength: 1, maxLength: 5 }),
});
export const updatePlaybook = record({
  version,
  name: optional(text(1, 100)),
  severities: optional(fc.array(severity, { maxLength: 6 })),
  enabled: optional(fc.boolean()),
  items: optional(fc.array(playbookItem, { minLength: 1, maxLength: 3 })),
});
export const checklistDone = record({ done: fc.boolean() });

export const savePostmortem = record({
  version,
  sections: optional(fc.dictionary(fc.constantFrom(...SECTION_KEYS), fc.string({ maxLength: 300 }), { maxKeys: 4, noNullPrototype: true })),
  factorIds: optional(fc.array(positiveId, { maxLength: 30 })),
  tags: optional(fc.array(text(1, 40), { maxLength: 20 })),
  ownerId: optional(fc.option(positiveId, { nil: null })),
  noActionItemsReason: optional(fc.option(text(1, 500), { nil: null })),
});
export const transition = record({
  to: fc.constantFrom(...POSTMORTEM_STATUSES),
  comment: optional(text(1, 1_000)),
  reviewerIds: optional(fc.array(positiveId, { maxLength: 20 })),
  acknowledgeHints: optional(fc.boolean()),
  version,
});
export const setReviewers = record({ reviewerIds: fc.array(positiveId, { maxLength: 20 }) });
export const addComment = record({ section: fc.constantFrom(...SECTION_KEYS, "review"), body: text(1, 1_000) });
export const reviewCheck = record({ key: fc.constantFrom(...REVIEW_KEYS), checked: fc.boolean() });
export const regenerateTimeline = record({ version, includeAllNotes: optional(fc.boolean()) });
export const listPostmortemsQuery = record({
  status: optional(fc.constantFrom(...POSTMORTEM_STATUSES, "not_started")),
  q: optional(text(0, 200)),
  due: optional(fc.constantFrom("due", "overdue")),
  limit: optional(fc.integer({ min: 1, max: 200 }).map(String)),
});
export const createFactor = record({ name: text(1, 60), description: optional(text(0, 500)) });
export const renameFactor = record({ name: optional(text(1, 60)), description: optional(text(0, 500)) });
export const requiredSeverities = fc.array(severity, { maxLength: 4 });

export const searchQuery = record({ q: text(1, 100), limit: optional(fc.integer({ min: 1, max: 20 }).map(String)) });

const link = record({ label: text(1, 60), url: httpUrl });
export const createService = record({
  slug,
  name: text(1, 100),
  description: optional(text(0, 1_000)),
  teamId: optional(fc.option(positiveId, { nil: null })),
  tier: fc.integer({ min: 1, max: 3 }),
  runbookUrl: optional(fc.option(httpUrl, { nil: null })),
  links: optional(fc.array(link, { maxLength: 5 })),
});
export const updateService = record({
  version,
  name: optional(text(1, 100)),
  description: optional(text(0, 1_000)),
  tier: optional(fc.integer({ min: 1, max: 3 })),
  links: optional(fc.array(link, { maxLength: 5 })),
});
const objective = fc.double({ min: 50, max: 99.9999, noNaN: true });
export const createSlo = record({
  name: text(1, 100),
  sliDescription: optional(text(0, 500)),
  objective,
  windowDays: optional(fc.integer({ min: 1, max: 90 })),
});
export const updateSlo = record({
  version,
  name: optional(text(1, 100)),
  objective: optional(objective),
  windowDays: optional(fc.integer({ min: 1, max: 90 })),
});
export const linkService = record({ service: slug, impact: fc.constantFrom(...IMPACT_LEVELS) });
export const spendOverride = record({ minutes: fc.double({ min: 0, max: 1_000_000, noNaN: true }), reason: text(3, 500) });
export const team = record({ name: text(1, 80) });
export const listServicesQuery = record({
  q: optional(text(0, 100)),
  team: optional(positiveId.map(String)),
  tier: optional(fc.constantFrom("1", "2", "3")),
  openIncident: optional(fc.constantFrom("1", "true")),
  atRisk: optional(fc.constantFrom("1", "true")),
});

const password = fc.string({ minLength: 12, maxLength: 100 });
export const createUser = record({ email, name: text(1, 100), role: fc.constantFrom(...USER_ROLES), password });
export const updateUser = record({ role: optional(fc.constantFrom(...USER_ROLES)), disabled: optional(fc.boolean()), name: optional(text(1, 100)) });
export const changePassword = fc
  .tuple(fc.string({ minLength: 1, maxLength: 50 }), password)
  .map(([currentPassword, newPassword]) => ({ currentPassword, newPassword, confirmPassword: newPassword }));
export const createToken = record({ name: text(1, 100), role: fc.constantFrom(...USER_ROLES) });

const minutes = fc.option(fc.integer({ min: 1, max: 24 * 60 }), { nil: null });
export const updateCadence = fc.record(Object.fromEntries(SEVERITIES.map((s) => [s, minutes])) as Record<(typeof SEVERITIES)[number], typeof minutes>);

// Far enough from 2099 that from + 1,000 days stays in the century insights accept.
const insightsFrom = fc.integer({ min: MIN_MS, max: Date.UTC(2097, 0, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
export const insightsQuery = record({
  range: optional(fc.constantFrom("30", "90", "180", "365")),
  severity: optional(fc.subarray([...SEVERITIES]).map((s) => s.join(","))),
  service: optional(slug),
  team: optional(positiveId.map(String)),
}).chain((base) =>
  fc.oneof(
    fc.constant(base),
    fc
      .tuple(insightsFrom, fc.integer({ min: 0, max: 1_000 }))
      .map(([from, days]) => ({ ...base, from, to: new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10) })),
  ),
);
