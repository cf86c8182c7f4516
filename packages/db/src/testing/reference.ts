/**
 * The reference catalog (the real FluxCore schema, test/fixtures) and its seeded data
 * generator, for the converge benchmark: the files stay beside the tests that own them.
 */

export {
  createReferenceDatabase,
  loadReferenceSchema,
  type ReferenceDatabase,
  referenceSchemaPath,
  referenceSchemaSql,
} from '../../test/support/reference.ts';
export {
  type GeneratedData,
  type GenerateOptions,
  generateReferenceData,
} from '../../test/support/reference-data.ts';
