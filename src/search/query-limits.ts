// Policy numbers for the reader-facing search box. Each one bounds work done per request.

/**
 * Longest query accepted, in code points. Real searches are a few words; anything near this is
 * pasted text or an attack, and the FTS5/tsquery it compiles to grows with it.
 */
export const MAX_QUERY_LENGTH = 500;

/**
 * Most tokens (words and phrase words, excluded ones included) in one query. Each token is a
 * posting-list lookup in FTS5 and a tsquery operand; 32 covers any honest query.
 */
export const MAX_QUERY_TERMS = 32;

/**
 * Fewest letters before a trailing `*`. One or two letters expand to a large part of the
 * vocabulary (`ال*` matches nearly every Arabic noun with the article), which is slow and useless.
 */
export const MIN_PREFIX_LENGTH = 3;

/**
 * Matches counted exactly before a search says "more than 10,000 results". Nobody pages past
 * the first few hundred results, and counting every match of a common word in a million
 * articles took up to 350 ms on the first request (issue 14); counting 10,001 takes a few.
 */
export const MATCH_COUNT_CAP = 10_000;
