"use client";
import { createContext, useCallback, useContext, useEffect, useReducer } from "react";
import type { LiveEvent } from "@/db/queries/events/types";
import { useEventStream, type StreamStatus } from "@/app/components/use-event-stream";
import { liveIncidentReducer, type LiveAction, type LiveIncidentState } from "./live-reducer";

type LiveIncident = { state: LiveIncidentState; dispatch: (action: LiveAction) => void; stream: StreamStatus };

const Context = createContext<LiveIncident | null>(null);

/**
 * The incident page's client store: starts from the server-rendered state and follows the
 * incident's event stream, so panels change in place (typed text, open forms and scroll stay).
 */
export function LiveIncidentProvider({ initial, children }: { initial: LiveIncidentState; children: React.ReactNode }) {
  const [state, dispatch] = useReducer(liveIncidentReducer, initial);
  // A router refresh (kept for the few changes no event carries) brings newer server data.
  useEffect(() => dispatch({ type: "snapshot", state: initial }), [initial]);
  const onEvent = useCallback((event: LiveEvent) => dispatch({ type: "event", event }), []);
  const stream = useEventStream(`/api/v1/incidents/${initial.incident.reference}/events`, initial.lastEventId, onEvent);
  return <Context.Provider value={{ state, dispatch, stream }}>{children}</Context.Provider>;
}

/** Where our own writes put the state the server returned (a no-op outside the incident page). */
export function useLiveDispatch(): (action: LiveAction) => void {
  return useContext(Context)?.dispatch ?? noop;
}
const noop = () => {};

export function useLiveIncident(): LiveIncident {
  const live = useContext(Context);
  if (!live) throw new Error("useLiveIncident outside LiveIncidentProvider");
  return live;
}
