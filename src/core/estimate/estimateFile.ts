import type { ParsedFile } from '../types';
import { estimateUnit, type EstimateOptions } from './estimateUnit';
import type { FileEstimate } from './types';

export function estimateFile(file: ParsedFile, options: EstimateOptions): FileEstimate {
  return {
    path: file.path,
    format: file.format,
    formatLabel: file.formatLabel,
    units: file.units.map((unit) => estimateUnit(file, unit, options)),
    problems: file.problems,
  };
}
