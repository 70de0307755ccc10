import { describe, expect, it } from 'vitest';
import { caseRoute, statusKey, statusTagType } from '../../src/workspace/processes';

describe('statusKey', () => {
  it('reduces wire names and enum names to one key', () => {
    expect(statusKey('granted-by-default')).toBe('grantedbydefault');
    expect(statusKey('UnderVerification')).toBe('underverification');
    expect(statusKey('under_verification')).toBe('underverification');
    expect(statusKey(null)).toBe('');
  });
});

describe('statusTagType', () => {
  it('colours finished, refused, waiting and running cases differently', () => {
    expect(statusTagType('approved')).toBe('success');
    expect(statusTagType('refused')).toBe('danger');
    expect(statusTagType('withdrawn')).toBe('info');
    expect(statusTagType('escalated')).toBe('warning');
    expect(statusTagType('submitted')).toBe('primary');
  });
});

describe('caseRoute', () => {
  it('carries the process as a hint for older Hosts', () => {
    expect(caseRoute('c1', 'sharingDispute')).toEqual({ name: 'case', params: { id: 'c1' }, query: { process: 'sharingDispute' } });
    expect(caseRoute('c1')).toEqual({ name: 'case', params: { id: 'c1' }, query: {} });
  });
});
