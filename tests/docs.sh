#!/bin/bash
# The documentation tells the truth about what the code has:
# 1. every anomaly id in src/anomaly.h is listed in doc/anomalies.md, and
#    every id listed there exists;
# 2. every long option in src/main.c's option tables appears in --help
#    and in the man page.
echo "1..2"
ids=$(sed -n 's/^[[:space:]]*X(AN_[A-Z0-9_]*, "\([a-z0-9_]*\)".*/\1/p' \
    "$top_srcdir/src/anomaly.h" | sort)
doc=$(sed -n 's/^| `\([a-z0-9_]*\)` |.*/\1/p' "$top_srcdir/doc/anomalies.md" |
    sort)
if [ -n "$ids" ] && [ "$ids" = "$doc" ]; then
	echo "ok 1 - doc/anomalies.md lists exactly the $(echo "$ids" | wc -l) anomaly ids"
else
	echo "not ok 1 - doc/anomalies.md and src/anomaly.h differ"
	diff <(echo "$ids") <(echo "$doc") 2>/dev/null | sed 's/^/# /' ||
	    echo "# code: $ids" "# doc: $doc"
fi
help=$("$IKESCOPE" --help 2>&1)
man=$(cat "$top_srcdir/doc/ikescope.1")
missing=""
for o in $(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)", .*/\1/p' \
    "$top_srcdir/src/main.c" | sort -u); do
	case "$help" in *"--$o"*) ;; *) missing="$missing help:--$o" ;; esac
	# mdoc writes --opt as "Fl Fl opt"
	case "$man" in *"Fl Fl $o"*|*"Fl \-$o"*) ;; *) missing="$missing man:--$o" ;; esac
done
if [ -z "$missing" ]; then
	echo "ok 2 - every long option is in --help and ikescope(1)"
else
	echo "not ok 2 - options missing from the documentation:$missing"
fi
