/**
 * d2l's CSV helpers (parseCsv, csvTable, loadCsv, formatCsv, saveCsv) and loadKaggleHouseData:
 * RFC 4180 quoting, line breaks, missing values, errors with their line, a round trip through
 * the storage nd.save uses, and the real house-price files.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { d2l } from '../../../../src/lib/index';
import { CsvError, csvTable } from '../../../../src/lib/d2l/csv';
import { MemoryStorage, setStorageBackend } from '../../../../src/lib/io/storage';

afterEach(() => setStorageBackend(null));

describe('d2l.parseCsv', () => {
  it('splits fields and records, with LF, CRLF and CR line breaks and no empty last record', () => {
    expect(d2l.parseCsv('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(d2l.parseCsv('a,b\r\n1,2\r\n3,4')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(d2l.parseCsv('a\r1\r')).toEqual([['a'], ['1']]);
    expect(d2l.parseCsv('')).toEqual([]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(d2l.parseCsv('a,,c\n,,\n1,2,\n')).toEqual([['a', '', 'c'], ['', '', ''], ['1', '2', '']]);
  });

  it('reads quoted fields holding commas, line breaks and doubled quotes', () => {
    const text = 'name,note\n"Smith, J.","said ""hi""\nthen left"\n"",x\n';
    expect(d2l.parseCsv(text)).toEqual([['name', 'note'], ['Smith, J.', 'said "hi"\nthen left'], ['', 'x']]);
  });

  it('drops a leading byte-order mark', () => {
    expect(d2l.parseCsv('\ufeffId,x\n1,2')).toEqual([['Id', 'x'], ['1', '2']]);
  });

  it('says where a malformed file goes wrong', () => {
    expect(() => d2l.parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError);
    expect(() => d2l.parseCsv('a,b\n1,"open\n2,3\n')).toThrow(/line 2: a quoted field is never closed/);
    expect(() => d2l.parseCsv('a\n"x"y\n')).toThrow(/line 2: unexpected "y" after a closing quote/);
    expect(() => d2l.parseCsv('a\nx"y\n')).toThrow(/line 2: a '"' inside an unquoted field/);
  });
});

describe('CSV tables', () => {
  it('turns numbers into numbers and NA, NaN and empty fields into null', () => {
    const t = csvTable('Id,Alley,Area,Price\n1,NA,8450,208500\n2,Pave,,1.5e5\n3,"Grvl",-2.5,NaN\n');
    expect(t.columns).toEqual(['Id', 'Alley', 'Area', 'Price']);
    expect(t.rows).toEqual([
      [1, null, 8450, 208500],
      [2, 'Pave', null, 150000],
      [3, 'Grvl', -2.5, null],
    ]);
    expect(t.numRows).toBe(3);
    expect(t.column('Alley')).toEqual([null, 'Pave', 'Grvl']);
    expect(t.select(['Id', -1], 2).rows).toEqual([[1, 208500], [2, 150000]]);
    expect(t.select([0, 'Price']).columns).toEqual(['Id', 'Price']);
  });

  it('keeps text that only starts like a number, and honours naValues and parseNumbers', () => {
    const t = csvTable('HouseStyle,Year\n1.5Fin,2003\n2Story,NA\n', { naValues: [], parseNumbers: false });
    expect(t.rows).toEqual([['1.5Fin', '2003'], ['2Story', 'NA']]);
    expect(csvTable('HouseStyle\n1.5Fin\n').rows).toEqual([['1.5Fin']]);
  });

  it('rejects records with the wrong number of fields and unknown columns', () => {
    expect(() => csvTable('a,b\n1,2,3\n')).toThrow(/record 1 \(after the header\) has 3 fields, but the header names 2 columns/);
    expect(() => csvTable('')).toThrow(/empty/);
    const t = csvTable('a,b\n1,2\n');
    expect(() => t.column('c')).toThrow(/no column 'c'; its columns are a, b/);
    expect(() => t.select([2])).toThrow(/column position 2 is out of range/);
  });

  it('formats tables with quoting where needed, and parses back to the same values', () => {
    const table = { columns: ['Id', 'text'], rows: [[1, 'plain'], [2, 'a, "b"\nc'], [3, null], [4, ' padded ']] as (string | number | null)[][] };
    const text = d2l.formatCsv(table);
    expect(text).toBe('Id,text\n1,plain\n2,"a, ""b""\nc"\n3,\n4," padded "\n');
    expect(csvTable(text).rows).toEqual(table.rows);
    expect(() => d2l.formatCsv({ columns: ['a', 'b'], rows: [[1]] })).toThrow(/row 0 has 1 values, but there are 2 columns/);
  });

  it('saveCsv writes the bytes where nd.save writes, and returns the text', async () => {
    const store = new MemoryStorage();
    setStorageBackend(store);
    const text = await d2l.saveCsv('submission.csv', { columns: ['Id', 'SalePrice'], rows: [[1461, 119500.5], [1462, 161000]] });
    expect(text).toBe('Id,SalePrice\n1461,119500.5\n1462,161000\n');
    expect(new TextDecoder().decode(store.read('submission.csv')!)).toBe(text);
  });
});

describe('d2l.loadKaggleHouseData', () => {
  it('reads both real files: 1460 x 81 and 1459 x 80, with prices and missing values', async () => {
    const [train, test] = await d2l.loadKaggleHouseData();
    expect([train.numRows, train.columns.length]).toEqual([1460, 81]);
    expect([test.numRows, test.columns.length]).toEqual([1459, 80]);
    expect(train.columns[0]).toBe('Id');
    expect(train.columns.at(-1)).toBe('SalePrice');
    expect(test.columns).toEqual(train.columns.slice(0, -1));
    expect(train.rows[0]!.slice(0, 4)).toEqual([1, 60, 'RL', 65]);
    const prices = train.column('SalePrice');
    expect(prices.every((p) => typeof p === 'number' && p > 0)).toBe(true);
    expect(test.column('Id')[0]).toBe(1461);
    // LotFrontage is missing for 259 training houses (NA in the file).
    expect(train.column('LotFrontage').filter((v) => v === null).length).toBe(259);
  });
});
