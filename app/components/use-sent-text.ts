"use client";
import { useCallback, useRef, useState } from "react";
import { textAfterSave } from "@/lib/sent-text";

/**
 * A text field's value for forms that send it and then empty it. `settle(sent)` after a
 * successful save removes only the sent text and keeps whatever was typed while the save
 * was in flight; it returns what is left. The newest value is kept in a ref as well, so a
 * save that returns between a keystroke and its render still sees that keystroke.
 */
export function useSentText(initial = "") {
  const [value, setValue] = useState(initial);
  const latest = useRef(initial);
  const set = useCallback((next: string) => {
    latest.current = next;
    setValue(next);
  }, []);
  const settle = useCallback((sent: string) => {
    const left = textAfterSave(latest.current, sent);
    latest.current = left;
    setValue(left);
    return left;
  }, []);
  const current = useCallback(() => latest.current, []);
  return { value, set, settle, current };
}
