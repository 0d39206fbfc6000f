"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export const PENDING_REFRESH_MS = 2_000;

/**
 * While deliveries are in flight (`active`) and the tab is visible, re-renders the page's server
 * components every few seconds so statuses settle in place; open panels and typed text stay.
 * It stops by itself once nothing is pending (the next render passes active=false).
 */
export function PendingRefresh({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const visible = () => document.visibilityState === "visible";
    const timer = setInterval(() => {
      if (visible()) router.refresh();
    }, PENDING_REFRESH_MS);
    // Back on the tab: catch up at once rather than at the next tick.
    const onVisible = () => {
      if (visible()) router.refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [active, router]);
  return null;
}
