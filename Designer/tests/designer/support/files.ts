import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const processesFolder = join(__dirname, '../../../../Workflows/Processes');

export function shippedXml(file: string): string {
  return readFileSync(join(processesFolder, file), 'utf8');
}
