"use client";
import { useState } from "react";
import type { IntegrationView } from "@/db/queries/integrations/views";
import { cardClass } from "@/app/components/ui";
import { SettingsForm } from "./settings-form";
import { EndpointSection } from "./endpoint-section";
import { RulesEditor } from "./rules-editor";
import { DeleteSection } from "./delete-section";

/**
 * The integration's editable parts. They share one version: a save made here moves it on, so the
 * next save from another part of the page is not mistaken for a stale one; a save from another
 * tab or person in between is (409), and the part that tried says so.
 */
export function IntegrationEditor({ integration, origin, children }: { integration: IntegrationView; origin: string; children: React.ReactNode }) {
  const [version, setVersion] = useState(integration.version);
  const saved = (view: { version: number }) => setVersion(view.version);
  const shared = { integration, version, saved };
  return (
    <>
      <section aria-labelledby="endpoint-title" className={`${cardClass} p-4 sm:p-5`}>
        <EndpointSection {...shared} origin={origin} />
      </section>
      <section aria-labelledby="settings-title" className={`${cardClass} p-4 sm:p-5`}>
        <SettingsForm {...shared} />
      </section>
      <section aria-labelledby="rules-title" className={`${cardClass} p-4 sm:p-5`}>
        <RulesEditor {...shared} />
      </section>
      {children}
      <section aria-labelledby="delete-title" className={`${cardClass} border-red-200 p-4 sm:p-5 dark:border-red-900`}>
        <DeleteSection integration={integration} />
      </section>
    </>
  );
}

export type EditorPartProps = {
  /** The integration as the server last rendered it. */
  integration: IntegrationView;
  /** The version the next save is based on. */
  version: number;
  /** Call with what a save returned. */
  saved: (view: { version: number }) => void;
};
