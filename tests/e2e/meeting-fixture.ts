/**
 * A small graph in the shape of the seed meeting, for end-to-end tests while the seed loader
 * is not available (server/seed/ returns nothing). Values follow the seed article.
 */
import type { Database } from '../../server/db/database.ts';
import { seedIfEmpty } from '../../server/seed/index.ts';

const MEETING_GRAPH = `
CREATE (tj:Country {name: 'Tajikistan', iso: 'TJ'})
CREATE (ru:Country {name: 'Russia', aliases: ['Russian Federation'], iso: 'RU'})
CREATE (af:Country {name: 'Afghanistan', iso: 'AF'})
CREATE (rahmon:Person {name: 'Emomali Rahmon', title: 'President of Tajikistan'})
CREATE (talks:Meeting {name: 'Top-level talks between Tajikistan and Russia', year: 2017})
CREATE (order:Award {name: 'Order of Alexander Nevsky'})
CREATE (trade:Sphere {name: 'Trade'})
CREATE (energy:Sphere {name: 'Energy'})
CREATE (migration:Sphere {name: 'Migration'})
CREATE (volume:Indicator {name: 'Trade volume 2016', value: 1000000000, unit: 'USD', qualifier: 'more than', year: 2016})
CREATE (csto:Organisation {name: 'Collective Security Treaty Organization', acronym: 'CSTO'})
CREATE (rahmon)-[:LEADS {role: 'President'}]->(tj)
CREATE (rahmon)-[:PARTICIPATED_IN]->(talks)
CREATE (tj)-[:PARTICIPATED_IN]->(talks)
CREATE (ru)-[:PARTICIPATED_IN]->(talks)
CREATE (ru)-[:CONFERRED {year: 2017}]->(order)
CREATE (rahmon)-[:RECEIVED]->(order)
CREATE (talks)-[:DISCUSSED]->(trade)
CREATE (talks)-[:DISCUSSED]->(energy)
CREATE (talks)-[:DISCUSSED]->(migration)
CREATE (volume)-[:MEASURES]->(trade)
CREATE (tj)-[:BORDERS]->(af)
CREATE (tj)-[:MEMBER_OF]->(csto)
CREATE (ru)-[:MEMBER_OF]->(csto)
CREATE (tj)-[:STRATEGIC_PARTNER_OF]->(ru)`;

/** Loads the seed graph, or the small stand-in when the seed loader has nothing to load. */
export async function loadMeetingGraph(db: Database): Promise<'seed' | 'fixture'> {
  const seeded = await seedIfEmpty(db);
  if (seeded) return 'seed';
  await db.write((tx) => tx.run(MEETING_GRAPH));
  return 'fixture';
}
