/*
** folio_bm25: FTS5's bm25 ranking with each phrase's document frequency remembered.
**
** FTS5's bm25() counts, on the first row of every statement, how many rows match each query
** phrase (xQueryPhrase over the phrase's whole doclist) for its IDF. At a million articles a
** common word's count is hundreds of thousands of postings, most of a new search's CPU. Those
** counts barely move between queries, so this function keeps them per connection and counts
** again when the table's row count has drifted more than DF_DRIFT since, or when the count is
** older than the cache's age limit (DF_MAX_AGE_MS, ten minutes): news comes in bursts, and a word
** whose use jumps while the archive grows less than 2% would otherwise keep its old rarity until
** the cache filled or the server restarted. folio_bm25_max_age(ms) sets the limit for the
** connection and returns the previous one (0 counts every time).
**
**   folio_bm25(search_fts, w0, w1, ..., wN-1, match)
**
** Weights as bm25()'s. The trailing argument, after one weight per column, is the statement's
** MATCH expression: FTS5's extension API gives a phrase's tokens but not its column filter or
** prefix flags, which change its document frequency ("meta : x" and "x*" are not "x"). The
** expression is parsed here for those, checked token by token against what FTS5 parsed, and
** when anything does not line up (or the argument is absent) the phrase is counted afresh, as
** bm25() does. With nothing cached the scores are bm25()'s, bit for bit: the same formula, in
** the same order (see fts5Bm25Function in SQLite's fts5_aux.c).
**
** The cache belongs to the connection it was loaded into (user data of the FTS5 function, freed
** with it); nothing is shared between connections or threads. Keys do not name the FTS5 table:
** Folio has one per database. The expression must be the one of the statement's `<table> MATCH`
** constraint (not a column MATCH, not one of several): once its tokens agree with FTS5's, what
** it says of a phrase's filters and prefixes is trusted.
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <string.h>

/* Cached counts are reused while the row count is within this fraction of the one they were counted at. */
#define DF_DRIFT 0.02
/* Entries per connection before the cache is emptied (a key is ~20-100 bytes). */
#define DF_MAX_ENTRIES 65536
#define DF_BUCKETS 16384
/* A count older than this is counted again, however little the row count moved. */
#define DF_MAX_AGE_MS (10 * 60 * 1000)

/* Token flags in a key. */
#define TOKEN_PREFIX 0x01
#define TOKEN_FIRST 0x02

/* ---------------------------------------------------------------- growable byte buffer */

typedef struct Buf {
  unsigned char *p;
  int n;
  int nAlloc;
  int oom;
} Buf;

static void bufAppend(Buf *b, const void *data, int n){
  if( b->oom ) return;
  if( b->n + n > b->nAlloc ){
    int nNew = b->nAlloc ? b->nAlloc * 2 : 128;
    unsigned char *pNew;
    while( nNew < b->n + n ) nNew *= 2;
    pNew = sqlite3_realloc(b->p, nNew);
    if( pNew==0 ){ b->oom = 1; return; }
    b->p = pNew;
    b->nAlloc = nNew;
  }
  if( n>0 ) memcpy(&b->p[b->n], data, (size_t)n);
  b->n += n;
}

static void bufAppendInt(Buf *b, int v){
  unsigned char a[4];
  a[0] = (unsigned char)(v >> 24); a[1] = (unsigned char)(v >> 16);
  a[2] = (unsigned char)(v >> 8); a[3] = (unsigned char)v;
  bufAppend(b, a, 4);
}

static void bufFree(Buf *b){
  sqlite3_free(b->p);
  memset(b, 0, sizeof(*b));
}

/* ---------------------------------------------------------------- the per-connection cache */

typedef struct DfEntry DfEntry;
struct DfEntry {
  DfEntry *pNext;
  unsigned int hash;
  int nKey;
  sqlite3_int64 nHit;             /* rows matching the phrase */
  sqlite3_int64 nRow;             /* the table's row count when nHit was counted */
  sqlite3_int64 tCounted;         /* when, in the VFS clock's milliseconds */
  /* key bytes follow */
};

typedef struct DfCache {
  DfEntry *aBucket[DF_BUCKETS];
  int nEntry;
  sqlite3_int64 maxAgeMs;         /* DF_MAX_AGE_MS unless folio_bm25_max_age changed it */
} DfCache;

/* Milliseconds from the default VFS's clock (a Julian day count; only differences are used). */
static sqlite3_int64 nowMs(void){
  sqlite3_vfs *vfs = sqlite3_vfs_find(0);
  sqlite3_int64 t = 0;
  if( vfs && vfs->iVersion>=2 && vfs->xCurrentTimeInt64 && vfs->xCurrentTimeInt64(vfs, &t)==SQLITE_OK ) return t;
  if( vfs && vfs->xCurrentTime ){
    double d = 0.0;
    if( vfs->xCurrentTime(vfs, &d)==SQLITE_OK ) return (sqlite3_int64)(d * 86400000.0);
  }
  return 0;
}

static unsigned int keyHash(const unsigned char *p, int n){
  unsigned int h = 2166136261u;   /* FNV-1a */
  int i;
  for(i=0; i<n; i++){ h ^= p[i]; h *= 16777619u; }
  return h;
}

static void cacheClear(DfCache *c){
  int i;
  for(i=0; i<DF_BUCKETS; i++){
    DfEntry *e = c->aBucket[i];
    while( e ){ DfEntry *next = e->pNext; sqlite3_free(e); e = next; }
    c->aBucket[i] = 0;
  }
  c->nEntry = 0;
}

static void cacheDestroy(void *p){
  if( p ){ cacheClear((DfCache*)p); sqlite3_free(p); }
}

static DfEntry *cacheFind(DfCache *c, const unsigned char *key, int nKey, unsigned int h){
  DfEntry *e;
  for(e=c->aBucket[h % DF_BUCKETS]; e; e=e->pNext){
    if( e->hash==h && e->nKey==nKey && memcmp(&e[1], key, (size_t)nKey)==0 ) return e;
  }
  return 0;
}

static void cacheStore(DfCache *c, const unsigned char *key, int nKey, unsigned int h, sqlite3_int64 nHit, sqlite3_int64 nRow, sqlite3_int64 tCounted){
  DfEntry *e = cacheFind(c, key, nKey, h);
  if( e==0 ){
    if( c->nEntry>=DF_MAX_ENTRIES ) cacheClear(c);
    e = (DfEntry*)sqlite3_malloc64(sizeof(DfEntry) + (sqlite3_uint64)nKey);
    if( e==0 ) return;            /* not remembering is always correct */
    e->hash = h;
    e->nKey = nKey;
    memcpy(&e[1], key, (size_t)nKey);
    e->pNext = c->aBucket[h % DF_BUCKETS];
    c->aBucket[h % DF_BUCKETS] = e;
    c->nEntry++;
  }
  e->nHit = nHit;
  e->nRow = nRow;
  e->tCounted = tCounted;
}

/* ---------------------------------------------------------------- the MATCH expression */

/*
** The phrases of a MATCH expression, in the order FTS5 numbers them (the order they are written),
** each described as a cache key: the column filters in force, then its tokens as the table's
** tokenizer makes them, each with its prefix / first-token flags. The lexer follows
** fts5ExprGetToken; anything this parser does not know (NEAR groups, synonyms) gives up, and the
** query is ranked without the cache.
*/
enum { T_EOF, T_LP, T_RP, T_LCP, T_RCP, T_COLON, T_COMMA, T_PLUS, T_STAR, T_MINUS, T_CARET, T_STRING, T_AND, T_OR, T_NOT };

typedef struct Tok { int t; const char *p; int n; } Tok;

static int isBareword(unsigned char c){
  return c>=0x80 || (c>='0' && c<='9') || (c>='A' && c<='Z') || (c>='a' && c<='z') || c=='_' || c==0x1A;
}

/* Returns 0 on a lexing error (FTS5 would have refused the expression). */
static int lexNext(const char **pz, Tok *tok){
  const char *z = *pz;
  while( *z==' ' || *z=='\t' || *z=='\n' || *z=='\r' ) z++;
  tok->p = z;
  tok->n = 1;
  switch( *z ){
    case '(': tok->t = T_LP; break;
    case ')': tok->t = T_RP; break;
    case '{': tok->t = T_LCP; break;
    case '}': tok->t = T_RCP; break;
    case ':': tok->t = T_COLON; break;
    case ',': tok->t = T_COMMA; break;
    case '+': tok->t = T_PLUS; break;
    case '*': tok->t = T_STAR; break;
    case '-': tok->t = T_MINUS; break;
    case '^': tok->t = T_CARET; break;
    case '\0': tok->t = T_EOF; tok->n = 0; break;
    case '"': {
      const char *z2;
      for(z2=&z[1]; 1; z2++){
        if( z2[0]=='"' ){ z2++; if( z2[0]!='"' ) break; }
        if( z2[0]=='\0' ) return 0;
      }
      tok->t = T_STRING;
      tok->n = (int)(z2 - z);
      break;
    }
    default: {
      const char *z2;
      if( !isBareword((unsigned char)z[0]) ) return 0;
      for(z2=&z[1]; isBareword((unsigned char)*z2); z2++);
      tok->t = T_STRING;
      tok->n = (int)(z2 - z);
      if( tok->n==2 && memcmp(z, "OR", 2)==0 ) tok->t = T_OR;
      if( tok->n==3 && memcmp(z, "NOT", 3)==0 ) tok->t = T_NOT;
      if( tok->n==3 && memcmp(z, "AND", 3)==0 ) tok->t = T_AND;
      break;
    }
  }
  *pz = tok->p + tok->n;
  return 1;
}

/* A string token's text without its quotes ("" inside a quoted string is one "). */
static void unquote(const Tok *tok, Buf *out){
  out->n = 0;
  if( tok->p[0]=='"' ){
    int i;
    for(i=1; i<tok->n-1; i++){
      bufAppend(out, &tok->p[i], 1);
      if( tok->p[i]=='"' ) i++;
    }
  }else{
    bufAppend(out, tok->p, tok->n);
  }
}

typedef struct Parse {
  const Fts5ExtensionApi *pApi;
  Fts5Context *pFts;
  const char *z;                  /* what is left of the expression */
  Buf scope;                      /* column filters of the enclosing groups */
  int aScope[64];                 /* scope.n before each open group */
  int nGroup;
  Buf text;                       /* scratch: one unquoted string */
  Buf tokens;                     /* the phrase being built: [flags][len][bytes] per token */
  int nToken;
  int iLastFlag;                  /* offset in tokens of the last token's flags */
  int colocated;                  /* the tokenizer gave synonyms: give up */
  Buf *aKey;                      /* one key per phrase */
  int nKey;
  int nKeyAlloc;
  int aTokens[1024];              /* tokens per phrase (checked against xPhraseSize) */
} Parse;

static int tokenCb(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd){
  Parse *p = (Parse*)pCtx;
  (void)iStart; (void)iEnd;
  if( tflags & FTS5_TOKEN_COLOCATED ){ p->colocated = 1; return SQLITE_OK; }
  p->iLastFlag = p->tokens.n;
  bufAppend(&p->tokens, "\0", 1);
  bufAppendInt(&p->tokens, nToken);
  bufAppend(&p->tokens, pToken, nToken);
  p->nToken++;
  return SQLITE_OK;
}

/* Column names are matched case-insensitively (ASCII), as FTS5 does. */
static void lowerAscii(Buf *b){
  int i;
  for(i=0; i<b->n; i++) if( b->p[i]>='A' && b->p[i]<='Z' ) b->p[i] += 'a' - 'A';
}

/* One column filter ("col", "{a b}", "-col", "-{a b}"), its text appended to out; the ':' is consumed. */
static int parseColset(Parse *p, Tok first, Buf *out){
  Tok t = first;
  bufAppend(out, "[", 1);
  if( t.t==T_MINUS ){
    bufAppend(out, "-", 1);
    if( !lexNext(&p->z, &t) ) return 0;
  }
  if( t.t==T_LCP ){
    bufAppend(out, "{", 1);
    for(;;){
      if( !lexNext(&p->z, &t) ) return 0;
      if( t.t==T_RCP ) break;
      if( t.t!=T_STRING ) return 0;
      unquote(&t, &p->text);
      lowerAscii(&p->text);
      bufAppendInt(out, p->text.n);
      bufAppend(out, p->text.p, p->text.n);
    }
    bufAppend(out, "}", 1);
  }else if( t.t==T_STRING ){
    unquote(&t, &p->text);
    lowerAscii(&p->text);
    bufAppendInt(out, p->text.n);
    bufAppend(out, p->text.p, p->text.n);
  }else{
    return 0;
  }
  bufAppend(out, "]", 1);
  if( !lexNext(&p->z, &t) || t.t!=T_COLON ) return 0;
  return 1;
}


/* A phrase: ["^"] STRING ["*"] ("+" STRING ["*"])*, `first` being its first token; its key is added. */
static int parsePhrase(Parse *p, Tok first, const Buf *extraScope){
  Tok t = first;
  int bFirst = 0;
  Buf *key;
  if( t.t==T_CARET ){
    bFirst = 1;
    if( !lexNext(&p->z, &t) ) return 0;
  }
  if( t.t!=T_STRING ) return 0;
  p->tokens.n = 0;
  p->nToken = 0;
  for(;;){
    const char *zPeek = p->z;
    Tok next;
    int nBefore = p->nToken;
    unquote(&t, &p->text);
    if( p->text.oom ) return 0;
    if( p->pApi->xTokenize(p->pFts, (const char*)p->text.p, p->text.n, (void*)p, tokenCb)!=SQLITE_OK ) return 0;
    if( !lexNext(&zPeek, &next) ) return 0;
    if( next.t==T_LP ) return 0;  /* NEAR(...) */
    if( next.t==T_STAR ){
      if( p->nToken>nBefore && !p->tokens.oom ) p->tokens.p[p->iLastFlag] |= TOKEN_PREFIX;
      p->z = zPeek;
      if( !lexNext(&zPeek, &next) ) return 0;
    }
    if( next.t!=T_PLUS ) break;
    p->z = zPeek;
    if( !lexNext(&p->z, &t) || t.t!=T_STRING ) return 0;
  }
  if( p->colocated || p->tokens.oom ) return 0;
  if( bFirst && p->nToken>0 ) p->tokens.p[0] |= TOKEN_FIRST;
  if( p->nKey>=(int)(sizeof(p->aTokens)/sizeof(p->aTokens[0])) ) return 0;
  if( p->nKey>=p->nKeyAlloc ){
    int nNew = p->nKeyAlloc ? p->nKeyAlloc * 2 : 8;
    Buf *aNew = sqlite3_realloc(p->aKey, nNew * (int)sizeof(Buf));
    if( aNew==0 ) return 0;
    memset(&aNew[p->nKeyAlloc], 0, (size_t)(nNew - p->nKeyAlloc) * sizeof(Buf));
    p->aKey = aNew;
    p->nKeyAlloc = nNew;
  }
  key = &p->aKey[p->nKey];
  bufAppendInt(key, p->scope.n + (extraScope ? extraScope->n : 0));
  bufAppend(key, p->scope.p, p->scope.n);
  if( extraScope ) bufAppend(key, extraScope->p, extraScope->n);
  bufAppendInt(key, p->nToken);
  bufAppend(key, p->tokens.p, p->tokens.n);
  if( key->oom ) return 0;
  p->aTokens[p->nKey] = p->nToken;
  p->nKey++;
  return 1;
}

/* The whole expression; 0 when it is not understood. */
static int parseExpression(Parse *p){
  Buf colset = {0, 0, 0, 0};
  int ok = 1;
  for(;;){
    Tok t;
    if( !lexNext(&p->z, &t) ){ ok = 0; break; }
    if( t.t==T_EOF ) break;
    if( t.t==T_AND || t.t==T_OR || t.t==T_NOT ) continue;
    if( t.t==T_LP ){
      if( p->nGroup>=64 ){ ok = 0; break; }
      p->aScope[p->nGroup++] = p->scope.n;
      continue;
    }
    if( t.t==T_RP ){
      if( p->nGroup==0 ){ ok = 0; break; }
      p->scope.n = p->aScope[--p->nGroup];
      continue;
    }
    if( t.t==T_CARET ){
      if( !parsePhrase(p, t, 0) ){ ok = 0; break; }
      continue;
    }
    if( t.t==T_STRING ){
      const char *zPeek = p->z;
      Tok next;
      if( !lexNext(&zPeek, &next) ){ ok = 0; break; }
      if( next.t!=T_COLON ){
        if( !parsePhrase(p, t, 0) ){ ok = 0; break; }
        continue;
      }
    }else if( t.t!=T_MINUS && t.t!=T_LCP ){
      ok = 0;
      break;
    }
    /* A column filter, for the group or the phrase that follows it. */
    colset.n = 0;
    if( !parseColset(p, t, &colset) ){ ok = 0; break; }
    if( !lexNext(&p->z, &t) ){ ok = 0; break; }
    if( t.t==T_LP ){
      if( p->nGroup>=64 ){ ok = 0; break; }
      p->aScope[p->nGroup++] = p->scope.n;
      bufAppend(&p->scope, colset.p, colset.n);
    }else if( !parsePhrase(p, t, &colset) ){
      ok = 0;
      break;
    }
  }
  bufFree(&colset);
  return ok && p->nGroup==0 && !p->scope.oom;
}

static void parseFree(Parse *p){
  int i;
  for(i=0; i<p->nKeyAlloc; i++) bufFree(&p->aKey[i]);
  sqlite3_free(p->aKey);
  bufFree(&p->scope);
  bufFree(&p->text);
  bufFree(&p->tokens);
}

/*
** True when the parse lines up with FTS5's own: as many phrases, each with the same tokens
** (xQueryToken). Then the prefix, first-token and column-filter flags parsed here belong to the
** phrases FTS5 numbered, and each key names one phrase exactly.
*/
static int parseMatchesQuery(Parse *p){
  int i, j;
  if( p->nKey!=p->pApi->xPhraseCount(p->pFts) ) return 0;
  for(i=0; i<p->nKey; i++){
    const unsigned char *a = p->aKey[i].p;
    int off = 4 + (int)(((unsigned)a[0]<<24) | ((unsigned)a[1]<<16) | ((unsigned)a[2]<<8) | a[3]) + 4;
    if( p->aTokens[i]!=p->pApi->xPhraseSize(p->pFts, i) || p->aTokens[i]==0 ) return 0;
    for(j=0; j<p->aTokens[i]; j++){
      const char *pTok = 0;
      int nTok = 0, nHere;
      if( p->pApi->xQueryToken(p->pFts, i, j, &pTok, &nTok)!=SQLITE_OK ) return 0;
      nHere = (int)(((unsigned)a[off+1]<<24) | ((unsigned)a[off+2]<<16) | ((unsigned)a[off+3]<<8) | a[off+4]);
      if( nHere!=nTok || memcmp(&a[off+5], pTok, (size_t)nTok)!=0 ) return 0;
      off += 5 + nHere;
    }
  }
  return 1;
}

/* ---------------------------------------------------------------- the ranking function */

/* Per statement, as bm25's Fts5Bm25Data. */
typedef struct RankData {
  int nPhrase;
  double avgdl;
  double *aIDF;
  double *aFreq;
} RankData;

static int countCb(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pUserData){
  (void)pApi; (void)pFts;
  (*(sqlite3_int64*)pUserData)++;
  return SQLITE_OK;
}

/* Rows matching phrase i: from the cache when its count is recent enough, else counted (and kept). */
static int phraseHits(const Fts5ExtensionApi *pApi, Fts5Context *pFts, DfCache *cache, const Buf *key, int i, sqlite3_int64 nRow, sqlite3_int64 *pnHit){
  unsigned int h = 0;
  sqlite3_int64 now = 0;
  int rc;
  if( key ){
    DfEntry *e;
    h = keyHash(key->p, key->n);
    now = nowMs();
    e = cacheFind(cache, key->p, key->n, h);
    /* A clock that went back counts as old. */
    if( e && fabs((double)(nRow - e->nRow)) <= DF_DRIFT * (double)e->nRow
        && now >= e->tCounted && now - e->tCounted < cache->maxAgeMs ){
      *pnHit = e->nHit;
      return SQLITE_OK;
    }
  }
  *pnHit = 0;
  rc = pApi->xQueryPhrase(pFts, i, (void*)pnHit, countCb);
  if( rc==SQLITE_OK && key ) cacheStore(cache, key->p, key->n, h, *pnHit, nRow, now);
  return rc;
}

static int rankData(const Fts5ExtensionApi *pApi, Fts5Context *pFts, int nVal, sqlite3_value **apVal, RankData **ppData){
  int rc = SQLITE_OK;
  RankData *p = (RankData*)pApi->xGetAuxdata(pFts, 0);
  if( p==0 ){
    DfCache *cache = (DfCache*)pApi->xUserData(pFts);
    int nPhrase = pApi->xPhraseCount(pFts);
    int nCol = pApi->xColumnCount(pFts);
    sqlite3_int64 nRow = 0, nToken = 0;
    Parse parse;
    int cached = 0;
    int i;
    p = (RankData*)sqlite3_malloc64(sizeof(RankData) + (sqlite3_uint64)nPhrase * 2 * sizeof(double));
    if( p==0 ) return SQLITE_NOMEM;
    memset(p, 0, sizeof(RankData) + (size_t)nPhrase * 2 * sizeof(double));
    p->nPhrase = nPhrase;
    p->aIDF = (double*)&p[1];
    p->aFreq = &p->aIDF[nPhrase];

    rc = pApi->xRowCount(pFts, &nRow);
    if( rc==SQLITE_OK ) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
    if( rc==SQLITE_OK ) p->avgdl = (double)nToken / (double)nRow;

    memset(&parse, 0, sizeof(parse));
    /* xQueryToken, which the parse is checked against, came with version 3 of the API. */
    if( rc==SQLITE_OK && pApi->iVersion>=3 && nVal>nCol && sqlite3_value_type(apVal[nCol])==SQLITE_TEXT ){
      parse.pApi = pApi;
      parse.pFts = pFts;
      parse.z = (const char*)sqlite3_value_text(apVal[nCol]);
      cached = parse.z!=0 && parseExpression(&parse) && parseMatchesQuery(&parse);
    }
    for(i=0; rc==SQLITE_OK && i<nPhrase; i++){
      sqlite3_int64 nHit = 0;
      rc = phraseHits(pApi, pFts, cache, cached ? &parse.aKey[i] : 0, i, nRow, &nHit);
      if( rc==SQLITE_OK ){
        /* bm25's IDF, and its floor for a phrase in more than half the rows. */
        double idf = log( (nRow - nHit + 0.5) / (nHit + 0.5) );
        if( idf<=0.0 ) idf = 1e-6;
        p->aIDF[i] = idf;
      }
    }
    parseFree(&parse);

    if( rc!=SQLITE_OK ){
      sqlite3_free(p);
    }else{
      rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    }
    if( rc!=SQLITE_OK ) p = 0;
  }
  *ppData = p;
  return rc;
}

static void folioBm25(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal){
  const double k1 = 1.2;
  const double b = 0.75;
  double score = 0.0;
  RankData *pData = 0;
  double *aFreq = 0;
  double D = 0.0;
  int nInst = 0;
  int i;
  int rc = rankData(pApi, pFts, nVal, apVal, &pData);
  if( rc==SQLITE_OK ){
    aFreq = pData->aFreq;
    memset(aFreq, 0, sizeof(double) * (size_t)pData->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for(i=0; rc==SQLITE_OK && i<nInst; i++){
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if( rc==SQLITE_OK ){
      double w = (nVal > ic) ? sqlite3_value_double(apVal[ic]) : 1.0;
      aFreq[ip] += w;
    }
  }
  if( rc==SQLITE_OK ){
    int nTok;
    rc = pApi->xColumnSize(pFts, -1, &nTok);
    D = (double)nTok;
  }
  if( rc==SQLITE_OK ){
    for(i=0; i<pData->nPhrase; i++){
      score += pData->aIDF[i] * (
          ( aFreq[i] * (k1 + 1.0) ) /
          ( aFreq[i] + k1 * (1 - b + b * D / pData->avgdl) )
      );
    }
    sqlite3_result_double(pCtx, -1.0 * score);
  }else{
    sqlite3_result_error_code(pCtx, rc);
  }
}

/* ---------------------------------------------------------------- registration */

/* folio_bm25_max_age(ms): sets how long this connection reuses a count; returns the previous limit. */
static void maxAgeFunction(sqlite3_context *pCtx, int nArg, sqlite3_value **apArg){
  DfCache *cache = (DfCache*)sqlite3_user_data(pCtx);
  sqlite3_int64 previous = cache->maxAgeMs;
  int type = sqlite3_value_numeric_type(apArg[0]);
  double ms = sqlite3_value_double(apArg[0]);
  (void)nArg;
  /* A bound JavaScript number may arrive as a REAL: any whole, non-negative value will do. */
  if( (type!=SQLITE_INTEGER && type!=SQLITE_FLOAT) || ms<0.0 || ms!=floor(ms) ){
    sqlite3_result_error(pCtx, "folio_bm25_max_age: give a whole number of milliseconds, 0 or more", -1);
    return;
  }
  cache->maxAgeMs = (sqlite3_int64)ms;
  sqlite3_result_int64(pCtx, previous);
}

static fts5_api *fts5Api(sqlite3 *db){
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_pointer(pStmt, 1, (void*)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_foliorank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi){
  fts5_api *fts5;
  DfCache *cache;
  int rc;
  SQLITE_EXTENSION_INIT2(pApi);
  fts5 = fts5Api(db);
  if( fts5==0 ){
    *pzErrMsg = sqlite3_mprintf("folio_rank: this SQLite has no FTS5");
    return SQLITE_ERROR;
  }
  cache = (DfCache*)sqlite3_malloc64(sizeof(DfCache));
  if( cache==0 ) return SQLITE_NOMEM;
  memset(cache, 0, sizeof(DfCache));
  cache->maxAgeMs = DF_MAX_AGE_MS;
  rc = fts5->xCreateFunction(fts5, "folio_bm25", (void*)cache, folioBm25, cacheDestroy);
  /* FTS5 calls the destructor only for a function it registered. */
  if( rc!=SQLITE_OK ){
    cacheDestroy(cache);
    return rc;
  }
  /* The cache outlives this function: FTS5 frees it when the connection closes. */
  return sqlite3_create_function(db, "folio_bm25_max_age", 1, SQLITE_UTF8, (void*)cache, maxAgeFunction, 0, 0);
}
