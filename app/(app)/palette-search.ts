"use client";
import { useEffect, useRef, useState } from "react";
import type { SearchResults } from "@/lib/validation/search";

export type PaletteSearch = {
  /** Results for exactly the text typed now; null while that search runs (never an older answer). */
  results: SearchResults | null;
  searching: boolean;
  failed: boolean;
};

const DEBOUNCE_MS = 150;
const normalise = (text: string) => text.trim().slice(0, 100);

/**
 * Asks /api/v1/search while the person types, once they pause. Only the answer to the latest
 * text counts: an earlier, slower response is dropped and never shown for newer text.
 */
export function usePaletteSearch(text: string): PaletteSearch {
  const [answer, setAnswer] = useState<{ q: string; results: SearchResults | null; failed: boolean } | null>(null);
  const latest = useRef(0);
  const q = normalise(text);
  useEffect(() => {
    const id = ++latest.current;
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const res = await fetch(`/api/v1/search?q=${encodeURIComponent(q)}&limit=5`, { signal: controller.signal, headers: { Accept: "application/json" } });
          if (!res.ok) throw new Error(`search answered ${res.status}`);
          const results = (await res.json()) as SearchResults;
          if (id === latest.current) setAnswer({ q, results, failed: false });
        } catch {
          if (id === latest.current && !controller.signal.aborted) setAnswer({ q, results: null, failed: true });
        }
      })();
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  if (!q) return { results: null, searching: false, failed: false };
  if (answer?.q !== q) return { results: null, searching: true, failed: false };
  return { results: answer.results, searching: false, failed: answer.failed };
}
