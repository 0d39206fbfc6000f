"use client";
import { Printer } from "lucide-react";

export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex items-center gap-1.5 rounded-md bg-zinc-900 px-3 py-2 font-sans text-sm font-medium text-white shadow-sm hover:bg-zinc-700"
    >
      <Printer aria-hidden className="h-4 w-4" /> Print or save as PDF
    </button>
  );
}
