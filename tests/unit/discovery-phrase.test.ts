/** Reading search-box phrases (pure): connect and share frames, and every split of "and". */
import { describe, expect, it } from 'vitest';
import { readPhrase } from '../../server/discovery/phrase.ts';
import { toScope, windowDay } from '../../server/discovery/scope.ts';

const first = (q: string) => readPhrase(q)[0];

describe('readPhrase', () => {
  it.each([
    ['Tajikistan to Russia', ['Tajikistan', 'Russia']],
    ['from Rahmon to Putin', ['Rahmon', 'Putin']],
    ['how is Rahmon connected to Putin?', ['Rahmon', 'Putin']],
    ['how are Tajikistan and Russia linked with the CSTO', ['Tajikistan and Russia', 'the CSTO']],
    ['path between Tajikistan and Russia', ['Tajikistan', 'Russia']],
    ['Tajikistan -> Russia', ['Tajikistan', 'Russia']],
    ['Tajikistan → Russia', ['Tajikistan', 'Russia']],
  ])('reads %j as connect', (q, terms) => {
    expect(first(q)).toEqual({ intent: 'connect', terms });
  });

  it.each([
    ['Tajikistan and Russia', ['Tajikistan', 'Russia']],
    ['Tajikistan & Russia', ['Tajikistan', 'Russia']],
    ['what do Tajikistan and Russia share?', ['Tajikistan', 'Russia']],
    ['Tajikistan and Russia in common', ['Tajikistan', 'Russia']],
    ['Tajikistan, Russia and China', ['Tajikistan', 'Russia', 'China']],
    ['Tajikistan, Russia, China', ['Tajikistan', 'Russia', 'China']],
  ])('reads %j as share', (q, terms) => {
    expect(first(q)).toEqual({ intent: 'share', terms });
  });

  it('proposes every split of a name containing "and", and a plain search last', () => {
    expect(readPhrase('Russia and Oil and gas sector')).toEqual([
      { intent: 'share', terms: ['Russia', 'Oil and gas sector'] },
      { intent: 'share', terms: ['Russia and Oil', 'gas sector'] },
      { intent: 'search', terms: ['Russia and Oil and gas sector'] },
    ]);
    expect(readPhrase('Emomali Rahmon')).toEqual([{ intent: 'search', terms: ['Emomali Rahmon'] }]);
  });
});

describe('time windows', () => {
  it('turns years and months into their first or last day', () => {
    expect(windowDay('2017', 'start')).toBe('2017-01-01');
    expect(windowDay('2017', 'end')).toBe('2017-12-31');
    expect(windowDay('2016-02', 'end')).toBe('2016-02-29');
    expect(windowDay('2017-02-29', 'start')).toBeNull();
    expect(windowDay('17', 'start')).toBeNull();
  });

  it('gives one canonical scope whatever the order of the lists', () => {
    expect(toScope({ labels: ['B', 'A', 'B'], from: '2017-01-01' })).toEqual({
      labels: ['A', 'B'],
      documents: null,
      from: '2017-01-01',
      to: null,
    });
  });
});
