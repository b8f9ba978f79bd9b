/**
 * Typed ingestion errors with stable ids. The HTTP layer maps each id to a problem type and the
 * CLI prints the message and exits non-zero; in every case nothing has been written.
 */

export type IngestErrorId =
  | 'document-empty'
  | 'document-binary'
  | 'document-encoding'
  | 'document-language'
  | 'document-too-large'
  | 'document-media-type'
  | 'document-metadata'
  | 'document-seed-owned'
  | 'document-write-failed';

export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly id: IngestErrorId,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
