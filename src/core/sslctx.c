/*
 * sslctx.c - the run's OpenSSL library context; see sslctx.h.
 */
#include <stdio.h>
#include <stdlib.h>

#include <openssl/crypto.h>
#include <openssl/provider.h>

#include "core/sslctx.h"

struct sslctx {
	OSSL_LIB_CTX	*lib;
	OSSL_PROVIDER	*pdefault, *plegacy;
};

struct sslctx *
sslctx_new(char *errbuf, size_t errlen)
{
	struct sslctx *s = calloc(1, sizeof(*s));

	if (s == NULL) {
		snprintf(errbuf, errlen, "out of memory (crypto)");
		return NULL;
	}
	s->lib = OSSL_LIB_CTX_new();
	if (s->lib == NULL) {
		snprintf(errbuf, errlen, "OpenSSL: cannot make a library "
		    "context");
		free(s);
		return NULL;
	}
	s->pdefault = OSSL_PROVIDER_load(s->lib, "default");
	if (s->pdefault == NULL) {
		snprintf(errbuf, errlen, "OpenSSL: cannot load the default "
		    "provider");
		sslctx_free(s);
		return NULL;
	}
	/* only single DES needs it; its absence is reported per SA */
	s->plegacy = OSSL_PROVIDER_try_load(s->lib, "legacy", 1);
	return s;
}

void
sslctx_free(struct sslctx *s)
{
	if (s == NULL)
		return;
	if (s->plegacy != NULL)
		OSSL_PROVIDER_unload(s->plegacy);
	if (s->pdefault != NULL)
		OSSL_PROVIDER_unload(s->pdefault);
	OSSL_LIB_CTX_free(s->lib);
	free(s);
}

OSSL_LIB_CTX *
sslctx_lib(const struct sslctx *s)
{
	return s->lib;
}

bool
sslctx_has_legacy(const struct sslctx *s)
{
	return s->plegacy != NULL;
}
