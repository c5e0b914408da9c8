/** Response headers as flows see them: lower-cased names; set-cookie stays a list, other repeats are joined with ', '. */
export type HeaderMap = Record<string, string | string[]>;
