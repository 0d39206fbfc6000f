"use client";
import { StreamIndicator } from "@/app/components/stream-indicator";
import { useLiveIncident } from "./live-incident";

/** The live stream's state, where the sidebar used to say the page polls. */
export function LiveStatus() {
  return <StreamIndicator stream={useLiveIncident().stream} subject="incident" />;
}
