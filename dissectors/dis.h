/*
 * dis.h - what every dissector shares: the status it returns.
 *
 * Dissectors are pure: they take a cursor over borrowed bytes (by value, so
 * they cannot read past the window they were given), fill a caller-zeroed
 * struct that may point into those bytes, and return a status.  They never
 * print, allocate or keep state.  Anomalies are bits on the output struct.
 */
#ifndef IKESCOPE_DIS_H
#define IKESCOPE_DIS_H

enum dis_status {
	DIS_OK = 0,
	DIS_TRUNCATED,		/* fewer bytes than the structure needs */
	DIS_MALFORMED,		/* the bytes contradict themselves */
	DIS_UNSUPPORTED		/* recognised, but not decoded here */
};

const char	*dis_status_name(enum dis_status);

#endif
