/**
 * What a text field should hold once `sent` was saved, given what it holds `now`.
 *
 * The field is not cleared when the save is sent, so a person can keep typing while it is
 * in flight. When the save returns, only the sent text goes: what was typed after it stays.
 * If the person changed the sent part meanwhile (the field no longer starts with it),
 * nothing is removed — a duplicate is better than a lost keystroke.
 */
export function textAfterSave(now: string, sent: string): string {
  if (!sent) return now;
  return now.startsWith(sent) ? now.slice(sent.length) : now;
}
