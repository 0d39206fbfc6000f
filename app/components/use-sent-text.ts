"use client";
import { useCallback, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { textAfterSave } from "@/lib/sent-text";

/**
 * A text field's value for forms that send it and then empty it. `settle(sent)` after a
 * successful save removes only the sent text and keeps whatever was typed while the save
 * was in flight; it returns what is left. The newest value is kept in a ref as well, so a
 * save that returns between a keystroke and its render still sees that keystroke.
 */
// The shorter text is committed to the field at once (flushSync): a key pressed before React
// got round to it would otherwise read the old field value, sent text included, and bring it back.
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
    flushSync(() => setValue(left));
    return left;
  }, []);
  return { value, set, settle };
}
