/**
 * The stream of meetings that makes up most of a generated graph. Each meeting comes with the
 * news item reporting it (a document of passages), the entities it names (mentions) and the
 * facts it states, each fact quoting the sentence that states it. Who meets is drawn from
 * power laws, and the corpus's home country takes part in three of four meetings, as in a national
 * news archive: that is where the hubs come from.
 */
import { DOCUMENT_LABEL } from '../../server/model/ontology.ts';
import { PowerLaw, type Random } from './prng.ts';
import {
  date,
  entity,
  fact,
  hasPassage,
  int,
  mention,
  slug,
  type Evidence,
  type NodeRow,
  type RelationshipRow,
} from './rows.ts';
import { PassageText, ordinal } from './text.ts';
import { FIRST_YEAR, LAST_YEAR, leaderAt, type Country, type Named, type World } from './world.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Share of meetings the home country (rank 0) takes part in, as in a national news archive. */
const HOME_SHARE = 0.75;
const MULTILATERAL_SHARE = 0.12;

export interface MeetingRows {
  nodes: NodeRow[];
  /** In the order they may be dropped from the end when the relationship budget runs out. */
  relationships: RelationshipRow[];
}

interface Passage {
  key: string;
  start: number;
  text: PassageText;
}

export class MeetingStream {
  private readonly others: PowerLaw;
  private readonly spheres: PowerLaw;
  private readonly threats: PowerLaw;
  private readonly agencies: PowerLaw;
  private readonly anniversaries = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly world: World,
  ) {
    this.others = new PowerLaw(world.countries.length - 1, 1.0);
    this.spheres = new PowerLaw(world.spheres.length, 1.1);
    this.threats = new PowerLaw(world.threats.length, 1.0);
    this.agencies = new PowerLaw(world.agencies.length, 1.3);
  }

  private country(rank: number): Country {
    return this.world.countries[rank] as Country;
  }

  /** Two or more distinct countries; the first hosts. */
  private participants(): Country[] {
    const r = this.random;
    const ranks = new Set<number>();
    if (r.chance(HOME_SHARE)) ranks.add(0);
    while (ranks.size < 2) ranks.add(1 + this.others.draw(r));
    if (r.chance(MULTILATERAL_SHARE)) {
      for (const extra of this.others.drawDistinct(r, r.int(2, 6))) ranks.add(1 + extra);
    }
    const list = [...ranks].map((rank) => this.country(rank));
    if (r.chance(0.5)) list.reverse();
    return list;
  }

  next(index: number): MeetingRows {
    const r = this.random;
    const nodes: NodeRow[] = [];
    const structure: RelationshipRow[] = [];
    const facts: RelationshipRow[] = [];
    const year = FIRST_YEAR + (LAST_YEAR + 1 - FIRST_YEAR) * Math.sqrt(r.next());
    const whole = Math.floor(year);
    const month = r.int(1, 12);
    const day = r.int(1, 28);
    const dateText = `${day} ${MONTHS[month - 1]} ${whole}`;
    const countries = this.participants();
    const host = countries[0] as Country;
    const guest = countries[1] as Country;
    const leaders = countries.map((c) => leaderAt(c, year).person);
    const hostLeader = leaders[0]!;
    const guestLeader = leaders[1]!;
    const bilateral = countries.length === 2;
    const id = String(index).padStart(7, '0');

    const meetingKey = `meeting:m${id}`;
    const meetingName = bilateral
      ? `${host.name}–${guest.name} talks, ${dateText}`
      : `${host.name} summit, ${dateText}`;
    nodes.push(
      entity('Meeting', meetingKey, meetingName, [], {
        date: date(whole, month, day),
        year: int(whole),
        city: host.capital,
        format: bilateral ? 'bilateral' : 'multilateral',
      }),
    );

    const documentKey = `document:d${id}`;
    const passages: Passage[] = [];
    const newPassage = (): Passage => {
      const previous = passages[passages.length - 1];
      const start = previous ? previous.start + previous.text.toString().length + 2 : 0;
      const passage = { key: `${documentKey}#${passages.length}`, start, text: new PassageText() };
      passages.push(passage);
      return passage;
    };
    const evidence = (p: Passage): Evidence => ({
      passage: p.key,
      passageStart: p.start,
      span: p.text.sentence(),
    });

    const title = newPassage();
    title.text.begin();
    if (bilateral) {
      title.text
        .name(host.key, host.name)
        .say(' and ')
        .name(guest.key, guest.name)
        .say(' hold top-level talks');
    } else {
      title.text.name(host.key, host.name).say(` hosts a summit of ${countries.length} countries`);
    }
    const titleEvidence = evidence(title);

    const talks = newPassage();
    talks.text
      .begin()
      .say(`On ${dateText}, ${hostLeader.title} `)
      .name(hostLeader.key, hostLeader.name);
    if (bilateral) {
      talks.text
        .say(' met ')
        .say(`${guestLeader.title} `)
        .name(guestLeader.key, guestLeader.name)
        .say(' of ')
        .name(guest.key, guest.name);
    } else {
      talks.text.say(' welcomed the leaders of ');
      countries.slice(1).forEach((c, i, all) => {
        talks.text.say(i === 0 ? '' : i === all.length - 1 ? ' and ' : ', ').name(c.key, c.name);
      });
    }
    talks.text.say(` in ${host.capital}, `).name(host.key, host.name).say('.');
    const talksEvidence = evidence(talks);
    facts.push(fact('HOSTED', host.key, meetingKey, {}, [talksEvidence]));
    countries.forEach((c, i) => {
      const leader = leaders[i]!;
      facts.push(
        fact('PARTICIPATED_IN', c.key, meetingKey, { role: 'official delegation' }, [
          talksEvidence,
        ]),
        fact('PARTICIPATED_IN', leader.key, meetingKey, { role: leader.title }, [talksEvidence]),
      );
      if (i < 2)
        facts.push(
          fact('LED_DELEGATION', leader.key, meetingKey, { side: c.key }, [talksEvidence]),
        );
    });

    const topics = newPassage();
    const spheres = this.spheres
      .drawDistinct(r, r.int(1, 4))
      .map((s) => this.world.spheres[s] as Named);
    topics.text.begin().say('The talks covered ');
    spheres.forEach((s, i) => {
      topics.text
        .say(i === 0 ? '' : i === spheres.length - 1 ? ' and ' : ', ')
        .name(s.key, s.name.toLowerCase());
    });
    topics.text.say('.');
    const topicsEvidence = evidence(topics);
    spheres.forEach((s, i) =>
      facts.push(
        fact('DISCUSSED', meetingKey, s.key, { attention: i === 0 ? 'main' : 'noted' }, [
          topicsEvidence,
        ]),
      ),
    );
    if (r.chance(0.3)) {
      const threat = this.world.threats[this.threats.draw(r)] as Named;
      topics.text
        .begin()
        .say('The leaders agreed to counter ')
        .name(threat.key, threat.name.toLowerCase())
        .say(' together.');
      facts.push(fact('ADDRESSED', meetingKey, threat.key, {}, [evidence(topics)]));
    }

    if (r.chance(0.6)) {
      const outcome = newPassage();
      if (r.chance(0.5)) {
        outcome.text
          .begin()
          .name(guestLeader.key, guestLeader.name)
          .say(' thanked ')
          .name(host.key, host.name)
          .say(' for the warm welcome.');
        facts.push(
          fact('THANKED', guestLeader.key, host.key, { reason: 'hospitality' }, [
            evidence(outcome),
          ]),
        );
      }
      if (r.chance(0.5)) {
        const value = Math.round(r.next() * 5000 * 10) / 10;
        const figureYear = whole - 1;
        const indicatorKey = `indicator:i${id}`;
        outcome.text
          .begin()
          .say('Trade turnover between ')
          .name(host.key, host.name)
          .say(' and ')
          .name(guest.key, guest.name)
          .say(` reached ${value} million US dollars in ${figureYear}.`);
        nodes.push(
          entity(
            'Indicator',
            indicatorKey,
            `Trade turnover ${host.name}–${guest.name} ${figureYear}`,
            [],
            {
              measure: 'trade turnover',
              value,
              unit: 'million US dollars',
              year: int(figureYear),
            },
          ),
        );
        const said = evidence(outcome);
        facts.push(
          fact('NOTED', meetingKey, indicatorKey, {}, [said]),
          fact('IN_SPHERE', indicatorKey, this.world.spheres[0]!.key, {}, [said]),
          fact('CONCERNS', indicatorKey, host.key, {}, [said]),
          fact('CONCERNS', indicatorKey, guest.key, {}, [said]),
        );
      }
      if (r.chance(0.3)) {
        const sphere = spheres[0] as Named;
        const proposalKey = `proposal:p${id}`;
        const proposal = `a joint commission on ${sphere.name.toLowerCase()}`;
        outcome.text
          .begin()
          .name(guest.key, guest.name)
          .say(' proposed ')
          .name(proposalKey, proposal)
          .say('.');
        nodes.push(
          entity(
            'Proposal',
            proposalKey,
            `${guest.name}: joint commission on ${sphere.name.toLowerCase()} (${whole})`,
            [],
            {},
          ),
        );
        const said = evidence(outcome);
        facts.push(
          fact('PROPOSED', guest.key, proposalKey, {}, [said]),
          fact('REQUESTED_OF', proposalKey, host.key, {}, [said]),
        );
      }
      if (outcome.text.toString().length === 0) passages.pop();
    }

    if (r.chance(0.12)) {
      const extra = newPassage();
      const years = whole - 1950 - r.int(0, 20);
      const anniversaryKey = `anniversary:${slug(host.name)}-${slug(guest.name)}-${years}`;
      if (bilateral && years >= 5 && years % 5 === 0) {
        extra.text
          .begin()
          .say(
            `The meeting marked the ${ordinal(years)} anniversary of diplomatic relations between `,
          )
          .name(host.key, host.name)
          .say(' and ')
          .name(guest.key, guest.name)
          .say('.');
        if (!this.anniversaries.has(anniversaryKey)) {
          this.anniversaries.add(anniversaryKey);
          nodes.push(
            entity(
              'Anniversary',
              anniversaryKey,
              `${ordinal(years)} anniversary of ${host.name}–${guest.name} relations`,
              [],
              {
                ordinal: int(years),
              },
            ),
          );
        }
        const said = evidence(extra);
        facts.push(fact('HELD_IN_YEAR_OF', meetingKey, anniversaryKey, {}, [said]));
      }
      if (r.chance(0.4)) {
        extra.text
          .begin()
          .name(guestLeader.key, guestLeader.name)
          .say(' received the ')
          .name(host.award, host.awardName)
          .say('.');
        facts.push(
          fact('RECEIVED', guestLeader.key, host.award, { year: int(whole) }, [evidence(extra)]),
        );
      }
      if (extra.text.toString().length === 0) passages.pop();
    }

    const agency = this.world.agencies[this.agencies.draw(r)] as Named;
    const text = passages.map((p) => p.text.toString()).join('\n\n');
    nodes.push({
      label: DOCUMENT_LABEL,
      key: documentKey,
      properties: {
        key: documentKey,
        name: title.text.toString(),
        title: title.text.toString(),
        publisher: agency.name,
        language: 'en',
        url: `https://news.example/${id}`,
        text,
        paragraphCount: int(passages.length - 1),
      },
    });
    structure.push(
      fact('DESCRIBES', documentKey, meetingKey, {}, [titleEvidence], {
        fromLabel: DOCUMENT_LABEL,
      }),
      fact('PUBLISHED', agency.key, documentKey, {}, [], { toLabel: DOCUMENT_LABEL }),
    );
    const mentions: RelationshipRow[] = [];
    passages.forEach((p, i) => {
      const passageText = p.text.toString();
      nodes.push({
        label: 'Passage',
        key: p.key,
        properties: {
          key: p.key,
          documentKey,
          index: int(i),
          kind: i === 0 ? 'title' : 'paragraph',
          name: `${title.text.toString()} ¶${i}`,
          text: passageText,
          start: int(p.start),
          end: int(p.start + passageText.length),
        },
      });
      structure.push(hasPassage(documentKey, p.key));
      for (const m of p.text.mentions) mentions.push(mention(p.key, p.start, m));
    });
    return { nodes, relationships: [...structure, ...facts, ...mentions] };
  }
}
