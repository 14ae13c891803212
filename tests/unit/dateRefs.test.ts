/** The dates the search box reads in a look-up (data/engine/dateRefs.ts), and where they are in it. */
import { describe, expect, test } from 'vitest';
import { dateMatches, dateRefs } from '../../data/engine/dateRefs';

const read = (text: string) => dateRefs(text).map((d) => ({ year: d.year, month: d.month, day: d.day, said: text.slice(d.start, d.end) }));

describe('dates in a look-up', () => {
  test.each([
    ['réunion du 24 juin 2014', { year: '2014', month: '06', day: '24', said: '24 juin 2014' }],
    ['le 1er décembre', { year: undefined, month: '12', day: '01', said: '1er décembre' }],
    ['juin 2014', { year: '2014', month: '06', day: undefined, said: 'juin 2014' }],
    ['rencontre du 15 déc. 2022', { year: '2022', month: '12', day: '15', said: '15 déc. 2022' }],
    ['CR 24/06/2014', { year: '2014', month: '06', day: '24', said: '24/06/2014' }],
    ['2014-06-24', { year: '2014', month: '06', day: '24', said: '2014-06-24' }],
    ['June 24, 2014', { year: '2014', month: '06', day: '24', said: 'June 24, 2014' }],
    ['the 3rd of February', { year: undefined, month: '02', day: '03', said: '3rd of February' }],
    ['ŒUVRE DU 31 JANVIER 2014', { year: '2014', month: '01', day: '31', said: '31 JANVIER 2014' }],
  ])('« %s »', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  test.each(['le plan 2014-2016', 'mesure 5', 'mai', '2014', 'la mesure 13', 'les 30 jours du délai'])('« %s » names no date', (text) => {
    expect(read(text)).toEqual([]);
  });

  test('an impossible day is not read as one; two dates are read in order', () => {
    expect(read('le 32 mars 2014')).toEqual([{ year: '2014', month: '03', day: undefined, said: 'mars 2014' }]);
    expect(read('du 31 janvier au 3 février 2014').map((d) => d.said)).toEqual(['31 janvier', '3 février 2014']);
  });

  test('a source dated on the day, or in the month, a look-up names', () => {
    const [day] = dateRefs('24 juin 2014');
    const [month] = dateRefs('juin 2014');
    const [any] = dateRefs('24 juin');
    expect([dateMatches('2014-06-24', day!), dateMatches('2014-06-25', day!), dateMatches('2015-06-24', day!)]).toEqual([true, false, false]);
    expect([dateMatches('2014-06-01', month!), dateMatches('2014-07-01', month!)]).toEqual([true, false]);
    expect([dateMatches('2014-06-24', any!), dateMatches('2022-06-24', any!)]).toEqual([true, true]);
  });
});
