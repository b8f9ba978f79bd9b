/**
 * The standing world the meetings happen in: countries with their leaders across terms since
 * 1950, organisations and memberships, borders and diplomatic relations, spheres with their
 * hierarchy, threats, state awards and news agencies. Sized by the number of countries; the
 * popularity ranks here are what gives the meeting stream its power-law degrees.
 */
import { NameBook, SPHERES, THREATS, TITLES, accented } from './names.ts';
import { PowerLaw, type Random } from './prng.ts';
import { date, entity, fact, int, slug, type NodeRow, type RelationshipRow } from './rows.ts';

export const FIRST_YEAR = 1950;
/** The region of the countries that meet no one: each is a component of its own. */
export const ISLAND_REGION = 'Remote islands';
const REGION_SIZE = 10;
export const LAST_YEAR = 2025;

export interface Person {
  key: string;
  name: string;
  title: string;
}

export interface Term {
  person: Person;
  /** Years as fractions (1987.4), so a date finds its leader by comparison. */
  from: number;
  to: number;
}

export interface Country {
  key: string;
  name: string;
  capital: string;
  /** Countries in the same region may border each other; islands border no one. */
  region: string;
  award: string;
  awardName: string;
  terms: Term[];
}

export interface Named {
  key: string;
  name: string;
}

export interface World {
  /** Countries that meet, most popular first; index 0 is the corpus's home country. */
  countries: Country[];
  /** Countries with a leader and nothing else: components of their own, for "no path" pairs. */
  islands: Country[];
  spheres: Named[];
  threats: Named[];
  agencies: Named[];
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

/** Countries for a target relationship count: more countries as the graph grows, up to 200. */
export function countryCount(rels: number): number {
  return Math.max(8, Math.min(200, Math.round(rels / 400)));
}

function leaderTerms(random: Random, names: NameBook): Term[] {
  const terms: Term[] = [];
  const title = random.pick(TITLES);
  let year = FIRST_YEAR + random.next() * 3;
  while (year < LAST_YEAR + 1) {
    const length = 1 + random.int(1, 6) + random.int(0, 6) * random.next();
    // Some leaders come back for another term after someone else's.
    const returning =
      terms.length >= 2 && random.chance(0.12) ? terms[terms.length - 2] : undefined;
    let person = returning?.person;
    if (!person) {
      const { given, family } = names.person();
      const name = `${given} ${family}`;
      person = { key: `person:${slug(name)}`, name, title };
    }
    terms.push({ person, from: year, to: Math.min(year + length, LAST_YEAR + 1) });
    year += length;
  }
  return terms;
}

function yearDate(year: number) {
  const whole = Math.floor(year);
  const dayOfYear = Math.floor((year - whole) * 365);
  return date(whole, 1 + (Math.floor(dayOfYear / 31) % 12), 1 + (dayOfYear % 28));
}

function countryRows(random: Random, country: Country, out: World): void {
  const official = `Republic of ${country.name}`;
  const demonym = `${country.name.replace(/(ia|a|ea)$/, '')}ian`;
  const spelled = random.chance(0.3) ? accented(country.name, random) : undefined;
  out.nodes.push(
    entity(
      'Country',
      country.key,
      country.name,
      [official, demonym, ...(spelled ? [spelled] : [])],
      { officialName: official, demonym, capital: country.capital, region: country.region },
    ),
    entity('Award', country.award, country.awardName, [], {}, 'background'),
  );
  out.relationships.push(fact('CONFERRED', country.key, country.award, {}, []));
  const seen = new Set<string>();
  for (const term of country.terms) {
    if (!seen.has(term.person.key)) {
      seen.add(term.person.key);
      const family = term.person.name.split(' ').slice(1).join(' ');
      const spelledPerson = random.chance(0.25) ? accented(term.person.name, random) : undefined;
      out.nodes.push(
        entity(
          'Person',
          term.person.key,
          term.person.name,
          [family, ...(spelledPerson ? [spelledPerson] : [])],
          { title: `${term.person.title} of ${country.name}`, fullName: term.person.name },
        ),
      );
    }
    out.relationships.push(
      fact(
        'LEADS',
        term.person.key,
        country.key,
        { office: term.person.title, from: yearDate(term.from), to: yearDate(term.to) },
        [],
      ),
    );
  }
}

export function buildWorld(random: Random, countries: number): World {
  const names = new NameBook(random.fork('names'));
  const r = random.fork('world');
  const world: World = {
    countries: [],
    islands: [],
    spheres: [],
    threats: [],
    agencies: [],
    nodes: [],
    relationships: [],
  };
  const makeCountry = (region: string): Country => {
    const name = names.country();
    const key = `country:${slug(name)}`;
    const awardName = `Order of ${names.city()}`;
    return {
      key,
      name,
      capital: names.city(),
      region,
      award: `award:${slug(awardName)}`,
      awardName,
      terms: leaderTerms(r, names),
    };
  };
  for (let i = 0; i < countries; i += 1) {
    world.countries.push(makeCountry(`Region ${Math.floor(i / REGION_SIZE) + 1}`));
  }
  for (let i = 0; i < 3; i += 1) world.islands.push(makeCountry(ISLAND_REGION));
  for (const country of [...world.countries, ...world.islands]) countryRows(r, country, world);

  // Neighbours within regions: a sparse, planar-looking border graph.
  const C = world.countries;
  for (let i = 0; i < C.length; i += 1) {
    for (const step of [1, 3]) {
      const j = i + step;
      if (j < C.length && C[i]!.region === C[j]!.region && r.chance(0.8)) {
        world.relationships.push(fact('BORDERS', C[i]!.key, C[j]!.key, {}, []));
      }
    }
  }
  // Diplomatic relations and partnerships lean to the popular countries.
  const popularity = new PowerLaw(C.length, 0.9);
  for (let i = 0; i < C.length; i += 1) {
    for (const j of popularity.drawDistinct(r, 3 + Math.round(6 * r.next()))) {
      if (j <= i) continue; // stored once per pair, from the lower rank
      const established = date(r.int(1950, 2015), r.int(1, 12), r.int(1, 28));
      world.relationships.push(
        fact('DIPLOMATIC_RELATIONS_WITH', C[i]!.key, C[j]!.key, { established }, []),
      );
      if (r.chance(0.15))
        world.relationships.push(fact('STRATEGIC_PARTNER_OF', C[i]!.key, C[j]!.key, {}, []));
      if (r.chance(0.1))
        world.relationships.push(fact('PRIORITISES', C[j]!.key, C[i]!.key, {}, []));
      if (r.chance(0.05))
        world.relationships.push(fact('LEADING_TRADE_PARTNER_OF', C[i]!.key, C[j]!.key, {}, []));
    }
  }

  // Organisations: a few near-universal, most regional.
  const organisations = Math.max(3, Math.min(40, Math.round(C.length / 5)));
  for (let o = 0; o < organisations; o += 1) {
    const region =
      names.country().replace(/(ia|stan|land|ova|ana|ea|or|mark|ium|esh)$/, '') + 'ian';
    const name = names.organisation(region);
    const key = `organisation:${slug(name)}`;
    const acronym = name
      .split(/\s+/)
      .map((w) => w[0])
      .join('')
      .toUpperCase();
    world.nodes.push(entity('Organisation', key, name, [acronym], { acronym }, 'background'));
    const share = o < 2 ? 0.8 : 0.05 + 0.25 * r.next();
    for (const member of popularity.drawDistinct(r, Math.max(2, Math.round(C.length * share)))) {
      world.relationships.push(
        fact('MEMBER_OF', C[member]!.key, key, { since: int(r.int(1950, 2020)) }, []),
      );
    }
  }

  // News agencies publish the documents; a handful, one of them dominant.
  for (let a = 0; a < 6; a += 1) {
    const name = names.agency();
    const agency = { key: `organisation:${slug(name)}`, name };
    world.agencies.push(agency);
    world.nodes.push(entity('Organisation', agency.key, name, [], { category: 'news agency' }));
  }

  for (const [broad, subs] of SPHERES) {
    const parent = { key: `sphere:${slug(broad)}`, name: broad };
    world.spheres.push(parent);
    world.nodes.push(entity('Sphere', parent.key, broad, [], {}));
    for (const sub of subs) {
      const child = { key: `sphere:${slug(sub)}`, name: sub };
      world.spheres.push(child);
      world.nodes.push(entity('Sphere', child.key, sub, [], {}));
      world.relationships.push(fact('PART_OF', child.key, parent.key, {}, []));
    }
  }
  for (const threat of THREATS) {
    const t = { key: `threat:${slug(threat)}`, name: threat };
    world.threats.push(t);
    world.nodes.push(entity('Threat', t.key, threat, [], {}));
  }
  return world;
}

/** The term in force at a fractional year (terms are contiguous from FIRST_YEAR). */
export function leaderAt(country: Country, year: number): Term {
  const terms = country.terms;
  let lo = 0;
  let hi = terms.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((terms[mid] as Term).from <= year) lo = mid;
    else hi = mid - 1;
  }
  return terms[lo] as Term;
}
