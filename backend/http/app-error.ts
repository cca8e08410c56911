import { ERROR_STATUS, type ErrorCode, type FieldIssue } from '../../shared/errors.ts';

/** An expected failure that ends a request with the error envelope and the code's status. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}
