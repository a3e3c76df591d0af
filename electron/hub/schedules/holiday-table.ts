import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSchoolHolidays, type SchoolHoliday } from '../../../shared/calendar/school-holidays';
import { resourcesDir } from '../territory/communes';

/**
 * The national school holiday table shipped in `resources/calendar/vacances-scolaires.csv`.
 * Missing (a trimmed install), programmes still follow public holidays and the summer break.
 */
export function loadSchoolHolidays(): SchoolHoliday[] {
  const file = path.join(resourcesDir(), 'calendar', 'vacances-scolaires.csv');
  return existsSync(file) ? parseSchoolHolidays(readFileSync(file, 'utf8')) : [];
}
