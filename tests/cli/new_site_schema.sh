#!/bin/sh
# What `hyoka new site|plan|policy` write, against the JSON Schemas
# (Debian's python3-jsonschema): hyoka.json, the example plan, a new plan and policy.
# Usage: new_site_schema.sh HYOKA PYTHON3 VALIDATE_SCHEMA_PY
set -eu
hyoka=$1 python=$2 validate=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
"$hyoka" new site city >/dev/null
cd city
"$hyoka" new plan kihon --period 2024-2027 >/dev/null
"$hyoka" new policy kihon 1-2 >/dev/null
"$python" "$validate" content --site hyoka.json
