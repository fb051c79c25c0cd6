import { describe, expect, it } from 'vitest';
import { customerIdOf, errorsByRow, exportFileName, importContentType, isImportReport } from './customers';

describe('customerIdOf', () => {
  it('customerIdOf_shouldLowerCaseAnEmail_whenTheQueryIsOne', () => {
    expect(customerIdOf('  Leila.Ahmadi@Example.COM ')).toBe('leila.ahmadi@example.com');
  });

  it('customerIdOf_shouldKeepAnIdAsTyped_whenTheQueryIsNoEmail', () => {
    expect(customerIdOf(' C-1001 ')).toBe('C-1001');
    expect(customerIdOf('   ')).toBeNull();
  });
});

describe('importContentType', () => {
  it('importContentType_shouldSendNdjson_whenTheFileIsNdjsonOrJsonLines', () => {
    expect(importContentType('people.ndjson')).toBe('application/x-ndjson');
    expect(importContentType('PEOPLE.JSONL')).toBe('application/x-ndjson');
  });

  it('importContentType_shouldSendCsv_whenTheFileIsCsvOrText', () => {
    expect(importContentType('export.csv')).toBe('text/csv');
    expect(importContentType('people.txt')).toBe('text/csv');
    expect(importContentType('people.json')).toBe('text/csv');
  });
});

describe('errorsByRow', () => {
  it('errorsByRow_shouldOrderByRow_keepingEachRowsProblemsInTheirOrder', () => {
    const report = { rows: 4, created: 1, updated: 0, unchanged: 0, failed: 2, errors: [
      { row: 4, id: 'c4', field: 'email', message: 'is not an email address' },
      { row: 2, id: 'c2', field: 'phone', message: 'is not a phone number' },
      { row: 2, id: 'c2', field: 'language', message: 'is not a language' },
    ] };
    expect(errorsByRow(report).map((error) => error.row + ' ' + error.field))
      .toEqual(['2 phone', '2 language', '4 email']);
  });
});

describe('isImportReport', () => {
  it('isImportReport_shouldTellAReportFromAnError', () => {
    expect(isImportReport({ rows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] })).toBe(true);
    expect(isImportReport({ error: { code: 'unsupported_media_type', message: 'x' } })).toBe(false);
    expect(isImportReport(null)).toBe(false);
  });
});

describe('exportFileName', () => {
  it('exportFileName_shouldKeepOnlyFileNameCharacters', () => {
    expect(exportFileName('sara@example.com')).toBe('customer-sara_example.com.json');
  });
});
