import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

// Migration 0005 on a database that already has the default playbooks and incidents using them.
describe("migration 0005 (checklist auto-checks)", () => {
  it("marks the default playbooks' verifiable items, and their copies on incidents, leaving other items and ticks alone", () => {
    const dir = path.join(__dirname, "migrations");
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .sort();
    const index = files.findIndex((f) => f.startsWith("0005_"));
    const db = new Database(":memory:");
    const run = (file: string) => {
      for (const statement of fs.readFileSync(path.join(dir, file), "utf8").split("--> statement-breakpoint")) if (statement.trim()) db.exec(statement);
    };
    files.slice(0, index).forEach(run);
    db.exec(`
      INSERT INTO playbooks (id, name, created_at, updated_at) VALUES (1, 'Major incident (SEV1/SEV2)', 0, 0);
      INSERT INTO playbook_items (playbook_id, position, text) VALUES (1, 1, 'Assign an incident commander'), (1, 2, 'Assign a communications lead'), (1, 3, 'Update the status page');
      INSERT INTO incidents (id, title, severity, status, started_at, started_at_source, declared_at, updated_at)
        VALUES (1, 'Old incident', 'SEV1', 'investigating', 0, 'status_change', 0, 0);
      INSERT INTO checklist_items (incident_id, playbook_id, playbook_name, position, text, done_at, done_by_label, created_at)
        VALUES (1, 1, 'Major', 1, 'Assign an incident commander', NULL, NULL, 0), (1, 1, 'Major', 2, 'Update the status page', 5, 'Ann', 0);
    `);
    run(files[index]!);
    expect(db.prepare("SELECT text, auto_check AS autoCheck FROM playbook_items ORDER BY position").all()).toEqual([
      { text: "Assign an incident commander", autoCheck: "commander_assigned" },
      { text: "Assign a communications lead", autoCheck: "comms_lead_assigned" },
      { text: "Update the status page", autoCheck: null },
    ]);
    expect(db.prepare("SELECT text, auto_check AS autoCheck, done_at AS doneAt FROM checklist_items ORDER BY position").all()).toEqual([
      { text: "Assign an incident commander", autoCheck: "commander_assigned", doneAt: null },
      { text: "Update the status page", autoCheck: null, doneAt: 5 },
    ]);
  });
});
