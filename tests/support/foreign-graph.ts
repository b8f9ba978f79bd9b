/**
 * A graph in a schema that is not ours, built by the tests themselves: a police-records model
 * (people and officers with a given name and a surname, crimes dated as "dd/mm/yyyy" text, vehicles
 * with a model year, locations, areas, phones), more than 50,000 nodes, no full-text index. The
 * vehicles are created last, so a scan in storage order of the first 50,000 nodes never sees them.
 */
import neo4j from 'neo4j-driver';
import type { Database } from '../../server/db/database.ts';

export const FOREIGN_COUNTS = {
  Location: 30_000,
  Area: 100,
  Person: 8_000,
  Officer: 1_000,
  Crime: 12_000,
  Phone: 2_000,
  Vehicle: 1_000,
} as const;

export const FOREIGN_TOTAL = Object.values(FOREIGN_COUNTS).reduce((a, b) => a + b, 0);

const GIVEN = ['Todd', 'Amelia', 'Jack', 'Olivia', 'Harry', 'Isla', 'Oscar', 'Ava', 'George'];
const FAMILY = ['Hamilton', 'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thomas'];
const MAKES = ['Toyota', 'Ford', 'Vauxhall', 'Nissan', 'Honda'];
const CRIME_TYPES = ['Burglary', 'Vehicle crime', 'Robbery', 'Drugs', 'Public order'];

/**
 * The day of every crime, as `YYYY-MM-DD`, worked out the way the builder below writes them
 * ("dd/mm/yyyy": days 1–28, months in turn, years 2017–2019).
 */
export function crimeDates(): string[] {
  return Array.from({ length: FOREIGN_COUNTS.Crime }, (_, i) => {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const year = 2017 + (Math.floor(i / 336) % 3);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  });
}

/** Builds the graph in an empty database (a few seconds). */
export async function loadForeignGraph(db: Database): Promise<void> {
  const params = {
    given: GIVEN,
    family: FAMILY,
    makes: MAKES,
    crimeTypes: CRIME_TYPES,
    ...Object.fromEntries(Object.entries(FOREIGN_COUNTS).map(([k, v]) => [`n${k}`, neo4j.int(v)])),
  };
  const statements = [
    `UNWIND range(0, $nLocation - 1) AS i
     CREATE (:Location {address: toString(i % 300 + 1) + ' Station Road', postcode: 'M' + toString(i % 97) + ' ' + toString(i % 9) + 'AB', latitude: 53.4 + (i % 100) / 1000.0, longitude: -2.2 - (i % 70) / 1000.0})`,
    `UNWIND range(0, $nArea - 1) AS i CREATE (:Area {areaCode: 'AR' + toString(i)})`,
    `UNWIND range(0, $nPerson - 1) AS i
     CREATE (:Person {name: $given[i % size($given)], surname: $family[(i / size($given)) % size($family)], nhs_no: 'NHS-' + toString(100000 + i), age: 18 + i % 60})`,
    `UNWIND range(0, $nOfficer - 1) AS i
     CREATE (:Officer {name: $given[(i + 3) % size($given)], surname: $family[(i + 5) % size($family)], badge_no: 'B' + toString(5000 + i), rank: CASE i % 3 WHEN 0 THEN 'Constable' WHEN 1 THEN 'Sergeant' ELSE 'Inspector' END})`,
    `UNWIND range(0, $nCrime - 1) AS i
     WITH i, 1 + i % 28 AS day, 1 + (i / 28) % 12 AS month
     CREATE (:Crime {id: 'C' + toString(i), type: $crimeTypes[i % size($crimeTypes)], last_outcome: 'Under investigation',
       date: right('0' + toString(day), 2) + '/' + right('0' + toString(month), 2) + '/' + toString(2017 + (i / 336) % 3)})`,
    `UNWIND range(0, $nPhone - 1) AS i CREATE (:Phone {phoneNo: '07' + toString(700000000 + i * 7919)})`,
    `UNWIND range(0, $nVehicle - 1) AS i
     CREATE (:Vehicle {make: $makes[i % size($makes)], model: 'Model ' + toString(i % 12), year: 1995 + i % 25,
       reg: 'XY' + toString(10 + i % 90) + ' ' + ['ABC', 'DEF', 'GHK', 'LMN'][i % 4] + toString(i)})`,
    `MATCH (l:Location) WITH l, elementId(l) AS id ORDER BY id
     WITH collect(l) AS ls
     MATCH (a:Area) WITH ls, collect(a) AS areas
     UNWIND range(0, size(ls) - 1) AS i
     WITH ls[i] AS l, areas[i % size(areas)] AS a
     CREATE (l)-[:LOCATION_IN_AREA]->(a)`,
    `MATCH (p:Person) WITH collect(p) AS ps
     MATCH (l:Location) WITH ps, collect(l)[0..8000] AS ls
     MATCH (ph:Phone) WITH ps, ls, collect(ph) AS phones
     UNWIND range(0, size(ps) - 1) AS i
     WITH ps, ps[i] AS p, ls[i] AS l, phones[i % size(phones)] AS ph, i
     CREATE (p)-[:CURRENT_ADDRESS]->(l)
     CREATE (p)-[:HAS_PHONE]->(ph)
     WITH ps, p, i WHERE i % 2 = 0
     WITH p, ps[(i + 7) % size(ps)] AS friend
     CREATE (p)-[:KNOWS]->(friend)`,
    `MATCH (c:Crime) WITH collect(c) AS cs
     MATCH (p:Person) WITH cs, collect(p) AS ps
     MATCH (o:Officer) WITH cs, ps, collect(o) AS os
     MATCH (l:Location) WITH cs, ps, os, collect(l)[10000..22000] AS ls
     UNWIND range(0, size(cs) - 1) AS i
     WITH cs[i] AS c, ps[i % size(ps)] AS p, os[i % size(os)] AS o, ls[i % size(ls)] AS l
     CREATE (p)-[:PARTY_TO]->(c)
     CREATE (c)-[:INVESTIGATED_BY]->(o)
     CREATE (c)-[:OCCURRED_AT]->(l)`,
    `MATCH (v:Vehicle) WITH collect(v) AS vs
     MATCH (c:Crime) WITH vs, collect(c)[0..1000] AS cs
     UNWIND range(0, size(vs) - 1) AS i
     WITH vs[i] AS v, cs[i] AS c
     CREATE (v)-[:INVOLVED_IN]->(c)`,
  ];
  for (const statement of statements) {
    await db.write((tx) => tx.run(statement, params));
  }
}
