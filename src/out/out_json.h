/*
 * out_json.h - read --json: one JSON object per frame (doc/json.md).
 */
#ifndef IKESCOPE_OUT_JSON_H
#define IKESCOPE_OUT_JSON_H

#include "core/json.h"
#include "engine/engine.h"

void	out_json_frame(struct json *, const struct opts *,
	    const struct frame_rec *);

#endif
