export { parseBoolean, parseDateTime, parseNumber } from './convertColumn.js';
export { closeIo } from './duckdb.js';
export { FILE_FORMATS, formatFromPath, SUPPORTED_EXTENSIONS } from './format.js';
export { inferStringType, TEXT_MIN_AVG_LENGTH, TEXT_MIN_DISTINCT_SHARE } from './inferStringType.js';
export { loadFrame } from './loadFrame.js';
export { DEFAULT_MISSING } from './loadWithDuckDB.js';
export { copyDoubles, rawVector, stringData, validity } from './readVectors.js';
export { StringCoder } from './stringCoder.js';
export type { FileFormat, InferredType, LoadedFrame, LoadOptions } from './types.js';
