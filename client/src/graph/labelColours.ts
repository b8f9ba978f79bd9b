/**
 * Colours the user chose for labels, kept per database in local storage so a database looks the
 * way its user set it up; palette.ts gives them to their labels and colours the rest around them.
 */
import { readLabelRecord, writeLabelRecord } from './labelStorage.ts';
import { isHexColour, type ColourChoices } from './palette.ts';

const KEY_PREFIX = 'summit-graph:label-colours:';

export function readOverrides(database: string): ColourChoices {
  return readLabelRecord(
    KEY_PREFIX,
    database,
    (v): v is string => typeof v === 'string' && isHexColour(v),
  );
}

export function writeOverride(database: string, label: string, colour: string): void {
  writeLabelRecord(KEY_PREFIX, database, { ...readOverrides(database), [label]: colour });
}
