/**
 * Blameless hints (DESIGN.md): phrases that assign blame to people, and a person's name
 * given as the cause, found in postmortem text with a suggested reframing. Hints never
 * block saving; the editor underlines or lists them.
 */
export type BlameHint = { start: number; end: number; phrase: string; suggestion: string };

type Rule = { pattern: string; suggestion: string };

// Letters, digits and underscore in any script count as part of a word.
const WORD_BEFORE = "(?<![\\p{L}\\p{N}_])";
const WORD_AFTER = "(?![\\p{L}\\p{N}_])";
// Straight and curly apostrophes.
const APOS = "['\u2019]";

const PHRASE_RULES: Rule[] = [
  {
    pattern: "human\\s+errors?",
    suggestion: "Describe the conditions that made the mistake easy: missing guard rails, unclear UI, time pressure.",
  },
  {
    pattern: `should\\s+have|should${APOS}ve`,
    suggestion: "Hindsight is not foresight. Describe what the person knew and saw at the time, and what would have made the better choice obvious.",
  },
  {
    pattern: "failed\\s+to",
    suggestion: 'Say what happened and why the system allowed it, e.g. "the check did not run because…", rather than what someone failed to do.',
  },
  {
    pattern: "careless(?:ly|ness)?",
    suggestion: "Name the missing safeguard instead: what would have caught or prevented the slip?",
  },
  {
    pattern: "negligen(?:t|tly|ce)",
    suggestion: "Describe the process or tooling gap that let this happen, not a judgement of a person.",
  },
  {
    pattern: "fault\\s+of",
    suggestion: "Incidents have contributing factors, not culprits: describe the conditions that combined.",
  },
  {
    pattern: "blam(?:e|ed|es|ing)",
    suggestion: "Focus on how the system and process made the outcome possible, not on who is to blame.",
  },
  {
    pattern: "dropped\\s+the\\s+ball",
    suggestion: "Describe the handover or signal that was missing, and how to make it reliable.",
  },
  {
    pattern: `(?:didn${APOS}?t|did\\s+not)\\s+bother`,
    suggestion: "Ask what made the step easy to skip (too slow, unclear, not required) and describe that.",
  },
];

const NAME_SUGGESTION = "Name the conditions, not the person: what in the system or process made this action possible or likely?";

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Full names and first names of the people given, longest first, for matching. */
function nameVariants(people: string[]): string[] {
  const names = new Set<string>();
  for (const person of people) {
    const full = person.trim().replace(/\s+/g, " ");
    if (full.length < 2) continue;
    names.add(full);
    const first = full.split(" ")[0]!;
    if (first.length >= 2) names.add(first);
  }
  return [...names].sort((a, b) => b.length - a.length);
}

function nameRules(people: string[]): Rule[] {
  const variants = nameVariants(people);
  if (!variants.length) return [];
  const name = `(?:${variants.map((n) => escapeRegex(n).replace(/ /g, "\\s+")).join("|")})`;
  const patterns = [
    `caused\\s+by\\s+${name}`,
    `${name}\\s+(?:caused|broke|forgot|messed\\s+up)`,
    `${name}${APOS}s?\\s+(?:mistake|fault|error|blunder|screw-?up)`,
    `because\\s+(?:of\\s+)?${name}`,
    `(?:thanks\\s+to|due\\s+to)\\s+${name}`,
  ];
  return patterns.map((pattern) => ({ pattern, suggestion: NAME_SUGGESTION }));
}

/**
 * Finds blaming phrases (case-insensitive, whole words) and a listed person's name given
 * as the cause ("caused by Sam", "Sam broke", "Sam's mistake", "because Sam"), with a
 * suggested reframing each. Overlapping matches are reported once (the earliest, longest).
 * Ordered by position.
 */
export function findBlameHints(text: string, people: string[] = []): BlameHint[] {
  if (!text) return [];
  const found: BlameHint[] = [];
  for (const rule of [...PHRASE_RULES, ...nameRules(people)]) {
    const re = new RegExp(`${WORD_BEFORE}(?:${rule.pattern})${WORD_AFTER}`, "giu");
    for (const match of text.matchAll(re)) {
      const start = match.index;
      found.push({ start, end: start + match[0].length, phrase: match[0], suggestion: rule.suggestion });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const hints: BlameHint[] = [];
  for (const hint of found) {
    const last = hints[hints.length - 1];
    if (last && hint.start < last.end) continue;
    hints.push(hint);
  }
  return hints;
}
