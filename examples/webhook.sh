#!/bin/sh
# Posts a message to a Parley room through one of its incoming webhooks (README, "Incoming webhooks").
#   ./webhook.sh https://chat.example.com/hooks/ID/SECRET 'deploy done'
# The text is sent as JSON; quotes, backslashes and line breaks in it are escaped here.
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 WEBHOOK_URL [TEXT]" >&2
  exit 2
fi
url=$1
text=${2:-deploy done}
json=$(printf '%s' "$text" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' | awk 'BEGIN { ORS = "" } NR > 1 { print "\\n" } { print }')
curl -sS --fail-with-body -X POST -H 'Content-Type: application/json' -d "{\"text\":\"$json\"}" "$url"
echo
