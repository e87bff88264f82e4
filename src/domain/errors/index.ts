/**
 * Every rule in the domain fails the same way: a typed error with a stable machine code (for
 * tests, logs and the API's 4xx bodies) and a Chinese message a resident can act on.
 */
export class DomainError<Code extends string = string> extends Error {
  readonly code: Code
  /** Where in the input the problem is, e.g. `priceYuan` or `stations[3].lng`. */
  readonly field?: string

  constructor(code: Code, message: string, field?: string) {
    super(message)
    this.name = new.target.name
    this.code = code
    this.field = field
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError
}
