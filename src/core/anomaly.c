/*
 * anomaly.c - the anomaly table and bounded per-item lists; see anomaly.h.
 */
#include <stdio.h>

#include "core/anomaly.h"

struct an_def {
	const char		*id;
	enum an_severity	 sev;
	const char		*text;
};

static const struct an_def an_defs[AN__COUNT] = {
#define AN_DEF(e, sid, sev, text) [e] = { sid, sev, text },
	ANOMALY_TABLE(AN_DEF)
#undef AN_DEF
};

void
an_add(struct an_list *l, enum an_id id, uint32_t a0, uint32_t a1)
{
	if (l->n == AN_LIST_MAX) {
		if (l->dropped < UINT8_MAX)
			l->dropped++;
		return;
	}
	l->a[l->n].id = (uint16_t)id;
	l->a[l->n].arg[0] = a0;
	l->a[l->n].arg[1] = a1;
	l->n++;
}

const char *
an_stable_id(enum an_id id)
{
	return id < AN__COUNT ? an_defs[id].id : "unknown";
}

enum an_severity
an_severity(enum an_id id)
{
	return id < AN__COUNT ? an_defs[id].sev : AN_ERROR;
}

const char *
an_severity_name(enum an_severity s)
{
	switch (s) {
	case AN_NOTE:
		return "note";
	case AN_WARN:
		return "warn";
	case AN_ERROR:
		break;
	}
	return "error";
}

int
an_format(const struct an_rec *r, char *buf, size_t len)
{
	if (r->id >= AN__COUNT)
		return snprintf(buf, len, "anomaly %u", r->id);
	return snprintf(buf, len, an_defs[r->id].text, r->arg[0], r->arg[1]);
}

/* Highest severity in the list, or -1 when empty. */
int
an_worst(const struct an_list *l)
{
	int w = -1;
	uint8_t i;

	for (i = 0; i < l->n; i++)
		if ((int)an_severity(l->a[i].id) > w)
			w = (int)an_severity(l->a[i].id);
	return w;
}
