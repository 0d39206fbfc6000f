"use client";
import { useEffect, type RefObject } from "react";

/**
 * Brings the first invalid control of `container` (document order, `aria-invalid="true"`) to
 * the middle of the screen — clear of the sticky header — and focuses it, so a person who
 * submitted from the bottom of a long form lands on what needs fixing. Returns whether one was found.
 */
export function focusFirstInvalid(container: HTMLElement | null): boolean {
  const field = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!field) return false;
  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
  return true;
}

const hasErrors = (errors: unknown) => (typeof errors === "object" && errors !== null ? Object.values(errors).some(Boolean) : Boolean(errors));

/**
 * Calls focusFirstInvalid once React has rendered new `errors` (a fresh object or message per
 * failed submit). Focusing straight after the await is too early: the fields are still disabled
 * by the pending state and not yet marked invalid.
 */
export function useFocusFirstInvalid(container: RefObject<HTMLElement | null>, errors: unknown) {
  useEffect(() => {
    if (hasErrors(errors)) focusFirstInvalid(container.current);
  }, [container, errors]);
}
