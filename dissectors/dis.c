/*
 * dis.c - shared dissector helpers.
 */
#include "dis.h"

const char *
dis_status_name(enum dis_status s)
{
	switch (s) {
	case DIS_OK:
		return "ok";
	case DIS_TRUNCATED:
		return "truncated";
	case DIS_MALFORMED:
		return "malformed";
	case DIS_UNSUPPORTED:
		return "unsupported";
	}
	return "?";
}
