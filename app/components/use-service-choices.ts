"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { callAction } from "@/lib/server-action";
import { loadServiceChoicesAction } from "@/app/(app)/incidents/service-choices-action";

export type ServiceChoice = { id: number; slug: string; name: string; tier: number };

export type ServiceChoices = {
  choices: ServiceChoice[];
  status: "idle" | "loading" | "ready" | "error";
  /** Why the catalogue could not be read; `load()` tries again. */
  error: string | null;
  /** Reads the catalogue once (again only after an error); call it when the picker opens. */
  load: () => void;
};

export const SERVICE_CHOICES_OFFLINE = "Could not load the services. Check the connection and try again.";

/** The service catalogue for a picker, fetched on demand so pages do not carry it. */
export function useServiceChoices({ loadNow = false }: { loadNow?: boolean } = {}): ServiceChoices {
  const [state, setState] = useState<Omit<ServiceChoices, "load">>({ choices: [], status: "idle", error: null });
  const started = useRef(false);
  const load = useCallback(() => {
    if (started.current) return;
    started.current = true;
    setState((s) => ({ ...s, status: "loading", error: null }));
    void callAction(() => loadServiceChoicesAction(), SERVICE_CHOICES_OFFLINE).then((result) => {
      if (result.ok) return setState({ choices: result.data, status: "ready", error: null });
      started.current = false;
      setState({ choices: [], status: "error", error: result.message });
    });
  }, []);
  useEffect(() => {
    if (loadNow) load();
  }, [loadNow, load]);
  return { ...state, load };
}
