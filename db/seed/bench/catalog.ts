// People, teams, services, SLOs, contributing factors and settings of the bench database.
import type Database from "better-sqlite3";
import { SETTING_KEYS } from "@/db/access/settings";
import { DEFAULT_FACTORS } from "@/lib/postmortem-template";
import type { UserRole } from "@/lib/roles";
import type { Random } from "../random";
import { zipfWeights } from "../random";

/** The admin the bench signs in as over HTTP (every generated person shares this password). */
export const BENCH_ADMIN_EMAIL = "bench-admin@hindsight.local";
export const BENCH_PASSWORD = "bench-password-not-secret";
export const BENCH_TIME_ZONE = "Europe/Berlin";

export type Person = { id: number; name: string; email: string; role: UserRole };
export type BenchService = { id: number; slug: string; teamId: number; tier: number };
export type Catalog = {
  admin: Person;
  people: Person[];
  /** Admins and responders: the people who hold incident roles and own action items. */
  responders: Person[];
  teams: { id: number; name: string; members: number[] }[];
  services: BenchService[];
  /** Relative chance of each service (same order) to be hit by an incident. */
  serviceWeights: number[];
  factorIds: number[];
  /** Relative chance of each factor (same order) to be named in a postmortem. */
  factorWeights: number[];
  counts: Record<string, number>;
};

const FIRST = [
  "Ada",
  "Ben",
  "Chloe",
  "Dev",
  "Elif",
  "Femi",
  "Greta",
  "Hugo",
  "Ines",
  "Jonas",
  "Kemal",
  "Lena",
  "Mira",
  "Nils",
  "Olga",
  "Pablo",
  "Qi",
  "Rosa",
  "Sven",
  "Tara",
];
const LAST = ["Adeyemi", "Berg", "Costa", "Dubois", "Engel", "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Kowalski", "Lindqvist"];
const TEAMS = ["Payments", "Platform", "Identity", "Search", "Mobile", "Data", "Messaging", "Storefront"];
const SERVICE_WORDS = ["api", "worker", "gateway", "db", "cache"];

export function insertCatalog(sqlite: Database.Database, random: Random, passwordHash: string, now: number): Catalog {
  const joined = now - 800 * 86_400_000;
  const counts: Record<string, number> = {};
  const bump = (table: string, n = 1) => (counts[table] = (counts[table] ?? 0) + n);

  const insertUser = sqlite.prepare(
    "INSERT INTO users (email, name, password_hash, role, disabled, session_version, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 1, ?, ?)",
  );
  const people: Person[] = [];
  const addUser = (email: string, name: string, role: UserRole) => {
    const id = Number(insertUser.run(email, name, passwordHash, role, joined, joined).lastInsertRowid);
    people.push({ id, name, email, role });
    bump("users");
    return people[people.length - 1]!;
  };
  const admin = addUser(BENCH_ADMIN_EMAIL, "Bench Admin", "admin");
  for (let i = 1; i < 60; i++) {
    const role: UserRole = i < 4 ? "admin" : i < 44 ? "responder" : "viewer";
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    addUser(`person${i}@bench.hindsight.local`, `${name} ${i}`, role);
  }
  const responders = people.filter((p) => p.role !== "viewer");

  const insertTeam = sqlite.prepare("INSERT INTO teams (name, created_at, updated_at) VALUES (?, ?, ?)");
  const insertMember = sqlite.prepare("INSERT INTO team_members (team_id, user_id, added_at) VALUES (?, ?, ?)");
  const teams = TEAMS.map((name) => ({ id: Number(insertTeam.run(name, joined, joined).lastInsertRowid), name, members: [] as number[] }));
  bump("teams", teams.length);
  // Each responder in one team (a few in two), some viewers too.
  people.forEach((person, i) => {
    if (person.id === admin.id) return;
    const homes = person.role === "viewer" ? (random.chance(0.5) ? [teams[i % teams.length]!] : []) : [teams[i % teams.length]!];
    if (person.role !== "viewer" && random.chance(0.15)) homes.push(teams[(i + 3) % teams.length]!);
    for (const team of homes) {
      insertMember.run(team.id, person.id, joined);
      team.members.push(person.id);
      bump("team_members");
    }
  });

  const insertService = sqlite.prepare(
    "INSERT INTO services (slug, name, description, team_id, tier, runbook_url, links, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '[]', 1, ?, ?)",
  );
  const insertSlo = sqlite.prepare(
    "INSERT INTO slos (service_id, name, sli_description, objective, window_days, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
  );
  const services: BenchService[] = [];
  for (let i = 0; i < 40; i++) {
    const team = teams[i % teams.length]!;
    const slug = `${team.name.toLowerCase()}-${SERVICE_WORDS[Math.floor(i / teams.length)]}`;
    const tier = i < 8 ? 1 : i < 24 ? 2 : 3;
    const name = `${team.name} ${SERVICE_WORDS[Math.floor(i / teams.length)]!.toUpperCase()}`;
    const id = Number(
      insertService.run(slug, name, `${name}, owned by ${team.name}`, team.id, tier, `https://runbooks.example.com/${slug}`, joined, joined).lastInsertRowid,
    );
    services.push({ id, slug, teamId: team.id, tier });
    bump("services");
    // ~60 SLOs: tier 1 gets two, the others one or two.
    const sloCount = tier === 1 ? 2 : random.chance(0.35) ? 2 : 1;
    for (let s = 0; s < sloCount; s++) {
      const objective = random.pick(tier === 1 ? [99.9, 99.95, 99.99] : [99, 99.5, 99.9, 99.95]);
      const windowDays = random.pick([7, 28, 30]);
      const kind = s === 0 ? "Availability" : "Latency";
      insertSlo.run(id, `${kind} ${objective}%`, `${kind} of ${slug} requests`, objective, windowDays, joined, joined);
      bump("slos");
    }
  }
  // Tier 1 services are hit most often; the order of the weights follows the services.
  const serviceWeights = zipfWeights(services.length, 0.8);

  const insertFactor = sqlite.prepare("INSERT INTO contributing_factors (name, description, archived, created_at) VALUES (?, ?, 0, ?)");
  const factors = [...DEFAULT_FACTORS, { name: "Third party", description: "A vendor or provider outside our control failed" }];
  const factorIds = factors.map((f) => Number(insertFactor.run(f.name, f.description, joined).lastInsertRowid));
  bump("contributing_factors", factorIds.length);
  const factorWeights = [30, 18, 12, 14, 10, 8, 4, 6];

  const insertSetting = sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)");
  insertSetting.run(SETTING_KEYS.timeZone, JSON.stringify(BENCH_TIME_ZONE), joined);
  insertSetting.run(SETTING_KEYS.requiredSeverities, JSON.stringify(["SEV1", "SEV2"]), joined);
  bump("settings", 2);

  return { admin, people, responders, teams, services, serviceWeights, factorIds, factorWeights, counts };
}
