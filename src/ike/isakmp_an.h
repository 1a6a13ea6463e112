/*
 * isakmp_an.h - ISAKMP decoder anomaly bits (message and payload level)
 * turned into anomaly records (src/anomaly.h) on the frame.
 */
#ifndef IKESCOPE_ISAKMP_AN_H
#define IKESCOPE_ISAKMP_AN_H

#include <stddef.h>

#include "core/anomaly.h"
#include "dissectors/isakmp.h"

void	isakmp_an_collect(struct an_list *, const struct isakmp_msg *, size_t);

#endif
