/*
 * finding.c - the findings table; see finding.h.
 */
#include <string.h>

#include "audit/finding.h"

static const struct {
	const char		*id;
	enum fi_severity	 sev;
	const char		*title;
} fi_table[FI__COUNT] = {
#define FI_ROW(e, id, sev, title)	[e] = { id, sev, title },
	FINDING_TABLE(FI_ROW)
#undef FI_ROW
};

static const char *const fi_sev_names[] = {
	"info", "low", "medium", "high", "off"
};

const char *
fi_id_name(enum fi_id f)
{
	return f < FI__COUNT ? fi_table[f].id : "?";
}

const char *
fi_title(enum fi_id f)
{
	return f < FI__COUNT ? fi_table[f].title : "?";
}

enum fi_severity
fi_default_severity(enum fi_id f)
{
	return f < FI__COUNT ? fi_table[f].sev : FI_OFF;
}

int
fi_lookup(const char *s)
{
	int i;

	for (i = 0; i < FI__COUNT; i++)
		if (strcmp(s, fi_table[i].id) == 0)
			return i;
	return -1;
}

const char *
fi_severity_name(enum fi_severity s)
{
	return s <= FI_OFF ? fi_sev_names[s] : "?";
}

int
fi_severity_lookup(const char *s, bool allow_off)
{
	int i;

	for (i = 0; i <= FI_OFF; i++)
		if (strcmp(s, fi_sev_names[i]) == 0)
			return i == FI_OFF && !allow_off ? -1 : i;
	return -1;
}
