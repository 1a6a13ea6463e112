/*
 * sslctx.h - an OpenSSL library context of the run's own, with the
 * default provider and, when it loads, the legacy one (single DES needs
 * it; its absence is reported where DES is asked for).  The ESP cipher
 * layer and the IKE decryptor fetch their algorithms from one.
 */
#ifndef IKESCOPE_SSLCTX_H
#define IKESCOPE_SSLCTX_H

#include <stdbool.h>
#include <stddef.h>

struct ossl_lib_ctx_st;
struct sslctx;

/* NULL with errbuf set when OpenSSL cannot make it. */
struct sslctx	*sslctx_new(char *, size_t);
void		 sslctx_free(struct sslctx *);
/* The OSSL_LIB_CTX to fetch from. */
struct ossl_lib_ctx_st *sslctx_lib(const struct sslctx *);
bool		 sslctx_has_legacy(const struct sslctx *);

#endif
