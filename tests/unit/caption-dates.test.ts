/** The shared caption rule and date forms (common/caption.ts, common/dates.ts), on literal profiles. */
import { describe, expect, it } from 'vitest';
import {
  captionOf,
  chooseCaptionKeys,
  compareByCaption,
  type PropertyProfile,
} from '../../common/caption.ts';
import { detectDateForm, parseDateText } from '../../common/dates.ts';

const prop = (key: string, p: Partial<PropertyProfile> = {}): PropertyProfile => ({
  key,
  present: 100,
  distinct: 100,
  texts: 100,
  dates: 0,
  meanLength: 10,
  ...p,
});

describe('chooseCaptionKeys', () => {
  it('joins a given name and a surname', () => {
    const keys = chooseCaptionKeys({
      label: 'Person',
      sampled: 100,
      properties: [prop('name', { distinct: 9 }), prop('surname', { distinct: 8 }), prop('nhs_no')],
    });
    expect(keys).toEqual(['name', 'surname']);
  });

  it('prefers a type over a date and an id, and a registration over a make', () => {
    const crime = chooseCaptionKeys({
      label: 'Crime',
      sampled: 100,
      properties: [prop('date', { dates: 100 }), prop('id'), prop('type', { distinct: 5 })],
    });
    expect(crime).toEqual(['type']);
    const vehicle = chooseCaptionKeys({
      label: 'Vehicle',
      sampled: 100,
      properties: [prop('make', { distinct: 5 }), prop('reg'), prop('year', { texts: 0 })],
    });
    expect(vehicle).toEqual(['reg']);
  });

  it('prefers a product name over a category id, and a company over an address', () => {
    expect(
      chooseCaptionKeys({
        label: 'Product',
        sampled: 77,
        properties: [prop('categoryID', { distinct: 8 }), prop('productName')],
      }),
    ).toEqual(['productName']);
    expect(
      chooseCaptionKeys({
        label: 'Customer',
        sampled: 91,
        properties: [prop('address'), prop('companyName'), prop('customerID')],
      }),
    ).toEqual(['companyName']);
  });

  it('gives no rule when nothing is text', () => {
    expect(
      chooseCaptionKeys({ label: 'X', sampled: 10, properties: [prop('n', { texts: 0 })] }),
    ).toEqual([]);
  });
});

describe('captionOf', () => {
  const todd = (surname: string, id: string) => ({
    id,
    labels: ['Person'],
    properties: { name: 'Todd', surname },
  });
  it('follows the rule, and falls back to the naming keys without one', () => {
    const rules = { Person: ['name', 'surname'] };
    expect(captionOf(todd('Hamilton', '4:x:1'), rules)).toBe('Todd Hamilton');
    expect(captionOf(todd('Hamilton', '4:x:1'))).toBe('Todd');
    expect(captionOf({ id: '4:x:9', labels: ['Empty'], properties: {} })).toBe('Empty #9');
  });
  it('orders by caption before id', () => {
    const rules = { Person: ['name', 'surname'] };
    const sorted = [todd('Smith', '4:x:1'), todd('Brown', '4:x:2')].sort((a, b) =>
      compareByCaption(a, b, rules),
    );
    expect(sorted.map((n) => n.properties.surname)).toEqual(['Brown', 'Smith']);
  });
});

describe('dates written as text', () => {
  it.each([
    [['2017-08-24', '2018-01-02T10:00'], 'iso'],
    [['24/08/2017', '01/02/2017'], 'dmy'],
    [['08/24/2017', '01/02/2017'], 'mdy'],
    [['01/02/2017', '03/04/2017'], 'dmy'],
    [['24 August 2017', 'August 3, 2019', '1 Jan 2020'], 'text'],
    [['Burglary', 'Robbery'], null],
    [['1995', '2001'], null],
  ] as const)('%j reads as %s', (values, form) => {
    expect(detectDateForm(values)).toBe(form);
  });

  it('reads each form to the same day, and refuses days that do not exist', () => {
    expect(parseDateText('24/08/2017', 'dmy')).toBe('2017-08-24');
    expect(parseDateText('08/24/2017', 'mdy')).toBe('2017-08-24');
    expect(parseDateText('24 August 2017', 'text')).toBe('2017-08-24');
    expect(parseDateText('2017-08-24T10:00:00Z', 'iso')).toBe('2017-08-24');
    expect(parseDateText('31/02/2017', 'dmy')).toBeNull();
  });
});
