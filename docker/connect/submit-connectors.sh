#!/bin/sh
# Creates or updates every connector in the connectors directory on a Connect worker:
# PUT /connectors/NAME/config with the file's JSON (a flat config map), NAME = the file name
# without .json. PUT is idempotent, so running it again applies edited configs.
# Usage: submit-connectors.sh CONNECT_URL [DIR]
set -eu

url="${1:?usage: submit-connectors.sh CONNECT_URL [DIR]}"
dir="${2:-$(dirname "$0")/connectors}"

for file in "$dir"/*.json; do
  name="$(basename "$file" .json)"
  echo "connector $name: PUT $url/connectors/$name/config"
  curl -fsS --retry 10 --retry-delay 3 --retry-connrefused -X PUT -H 'Content-Type: application/json' \
    --data "@$file" "$url/connectors/$name/config"
  echo
done
curl -fsS "$url/connectors?expand=status"
echo
